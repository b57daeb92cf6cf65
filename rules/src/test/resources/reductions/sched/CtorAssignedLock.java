package sched;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The lock fields are assigned once in the constructor; locking on them is fine. */
public class CtorAssignedLock {
  private Map<String, Integer> priorities;
  private final Map<String, Integer> finals = new HashMap<>();
  private List<String> order;

  public CtorAssignedLock(Map<String, Integer> initial) {
    priorities = new HashMap<>(initial);
    order = new java.util.ArrayList<>();
  }

  public Integer priority(String task) {
    synchronized (priorities) {
      return priorities.get(task);
    }
  }

  public void bump(String task) {
    synchronized (finals) {
      finals.merge(task, 1, Integer::sum);
    }
  }

  public void reorder(List<String> fresh) {
    synchronized (order) {
      order.add("x");
    }
    order = fresh;
  }
}
