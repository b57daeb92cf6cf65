package lab;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Write-gate variants around ConcurrentHashMap.put, for measurement only (issue #14). chm: the
 * bare map; chmWrapped: the same behind one more field load, as SnapshotMap's reads are; striped:
 * SnapshotMap before issue #14 (two getAndAdds on a striped counter and a sealed flag); slotCas:
 * what SnapshotMap does since (a CAS on a shared announcement slot, a release store to leave,
 * striped counter as fallback); slotTl: a ThreadLocal slot announced by a volatile store (needs a
 * thread registry to be complete, which is left out). The last two are unsound, lower bounds
 * only: noFence announces with a release store (no StoreLoad barrier, so a retiring thread can
 * miss the writer) and fenceOnly pays just the barrier and the re-check, with no announcement.
 */
public final class Gates {
  interface M { Integer put(Integer k, Integer v); Integer get(Object k); }
  static final class Raw extends ConcurrentHashMap<Integer, Integer> implements M { Raw(int n) { super(n); } }

  static final class Chm implements M {
    final ConcurrentHashMap<Integer, Integer> m;
    Chm(int n) { m = new ConcurrentHashMap<>(n); }
    public Integer put(Integer k, Integer v) { return m.put(k, v); }
    public Integer get(Object k) { return m.get(k); }
  }

  static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
  static final VarHandle REFS = MethodHandles.arrayElementVarHandle(Object[].class);
  static final long GOLDEN = 0x9E3779B97F4A7C15L;

  /** V1: before issue #14, a striped in-flight counter, two getAndAdds plus a sealed flag. */
  static final class Striped implements M {
    static final class G extends ConcurrentHashMap<Integer, Integer> {
      final long[] cells = new long[5 * 16];
      volatile boolean sealed;
      G(int n) { super(n); }
    }
    volatile G current;
    Striped(int n) { current = new G(n); }
    public Integer get(Object k) { return current.get(k); }
    @SuppressWarnings("deprecation")
    public Integer put(Integer k, Integer v) {
      for (;;) {
        G g = current;
        int slot = 16 * (1 + (int) ((Thread.currentThread().getId() * GOLDEN) >>> 62));
        LONGS.getAndAdd(g.cells, slot, 1L);
        if (!g.sealed) {
          try { return g.put(k, v); } finally { LONGS.getAndAdd(g.cells, slot, -1L); }
        }
        LONGS.getAndAdd(g.cells, slot, -1L);
      }
    }
  }

  /** V2: a global table of announcement slots claimed by CAS; exit is a release store. */
  static final class SlotCas implements M {
    static final int STRIDE = 32;
    static final Object[] SLOTS = new Object[(8 + 1) * STRIDE];
    static final class G extends ConcurrentHashMap<Integer, Integer> {
      final long[] cells = new long[5 * 16];
      G(int n) { super(n); }
    }
    volatile G current;
    SlotCas(int n) { current = new G(n); }
    public Integer get(Object k) { return current.get(k); }
    @SuppressWarnings("deprecation")
    public Integer put(Integer k, Integer v) {
      int slot = STRIDE * (1 + (int) ((Thread.currentThread().getId() * GOLDEN) >>> 61));
      for (;;) {
        G g = current;
        if (REFS.compareAndSet(SLOTS, slot, null, g)) {
          if (current == g) {
            try { return g.put(k, v); } finally { REFS.setRelease(SLOTS, slot, null); }
          }
          REFS.setRelease(SLOTS, slot, null);
        } else {
          LONGS.getAndAdd(g.cells, 16, 1L);
          if (current == g) {
            try { return g.put(k, v); } finally { LONGS.getAndAdd(g.cells, 16, -1L); }
          }
          LONGS.getAndAdd(g.cells, 16, -1L);
        }
      }
    }
  }

  /** V3: a per-thread slot (ThreadLocal), announced with a volatile store, left with a release store. */
  static final class SlotTl implements M {
    static final class Slot { volatile Object gen; long p1, p2, p3, p4, p5, p6, p7; }
    static final ThreadLocal<Slot> SLOT = ThreadLocal.withInitial(Slot::new);
    static final VarHandle GEN;
    static {
      try { GEN = MethodHandles.lookup().findVarHandle(Slot.class, "gen", Object.class); }
      catch (ReflectiveOperationException e) { throw new Error(e); }
    }
    static final class G extends ConcurrentHashMap<Integer, Integer> { G(int n) { super(n); } }
    volatile G current;
    SlotTl(int n) { current = new G(n); }
    public Integer get(Object k) { return current.get(k); }
    public Integer put(Integer k, Integer v) {
      Slot s = SLOT.get();
      for (;;) {
        G g = current;
        s.gen = g;
        if (current == g) {
          try { return g.put(k, v); } finally { GEN.setRelease(s, null); }
        }
      }
    }
  }

  /** V4 (unsound, lower bound): announce with a release store, no StoreLoad fence. */
  static final class SlotNoFence implements M {
    static final int STRIDE = 32;
    static final Object[] SLOTS = new Object[(8 + 1) * STRIDE];
    static final class G extends ConcurrentHashMap<Integer, Integer> { G(int n) { super(n); } }
    volatile G current;
    SlotNoFence(int n) { current = new G(n); }
    public Integer get(Object k) { return current.get(k); }
    @SuppressWarnings("deprecation")
    public Integer put(Integer k, Integer v) {
      int slot = STRIDE * (1 + (int) ((Thread.currentThread().getId() * GOLDEN) >>> 61));
      for (;;) {
        G g = current;
        REFS.setRelease(SLOTS, slot, g);
        if (current == g) {
          try { return g.put(k, v); } finally { REFS.setRelease(SLOTS, slot, null); }
        }
      }
    }
  }

  /** V5 (unsound, cost probe only): the StoreLoad barrier and the re-check, nothing announced. */
  static final class FenceOnly implements M {
    static final class G extends ConcurrentHashMap<Integer, Integer> { G(int n) { super(n); } }
    volatile G current;
    FenceOnly(int n) { current = new G(n); }
    public Integer get(Object k) { return current.get(k); }
    public Integer put(Integer k, Integer v) {
      for (;;) {
        G g = current;
        VarHandle.fullFence();
        if (current == g) {
          return g.put(k, v);
        }
      }
    }
  }

  static M create(String impl, int n) {
    switch (impl) {
      case "chm": return new Raw(n);
      case "chmWrapped": return new Chm(n);
      case "striped": return new Striped(n);
      case "slotCas": return new SlotCas(n);
      case "slotTl": return new SlotTl(n);
      case "noFence": return new SlotNoFence(n);
      case "fenceOnly": return new FenceOnly(n);
      default: throw new IllegalArgumentException(impl);
    }
  }
}
