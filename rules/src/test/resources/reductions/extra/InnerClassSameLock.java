package extra;

import java.util.HashMap;
import java.util.Map;

/** The inner task locks Outer.this, the same monitor as the synchronized writer. */
public class InnerClassSameLock {
  private Map<String, Integer> weights = new HashMap<>();

  public synchronized void replace(Map<String, Integer> fresh) {
    weights = new HashMap<>(fresh);
  }

  public synchronized Integer weight(String k) {
    return weights.get(k);
  }

  public Runnable reporter() {
    return new Runnable() {
      @Override
      public void run() {
        synchronized (InnerClassSameLock.this) {
          System.out.println(weights.size());
        }
      }
    };
  }
}
