package lab;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Write-gate variants around ConcurrentHashMap.put, for measurement only (issue #14). chm: the
 * bare map; chmWrapped: the same behind one more field load, as SnapshotMap's reads are; striped:
 * SnapshotMap before issue #14 (two getAndAdds on a striped counter and a sealed flag); slotCas:
 * the shared announcement slot (a CAS on a shared slot, a release store of null to leave,
 * striped counter as fallback); slotFree: the same as SnapshotMap first shipped it, a free slot
 * holding a sentinel object; slotLong: what SnapshotMap does now, slots of longs holding the
 * generation's id; slotTl: a ThreadLocal slot announced by a volatile store (needs a
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

  /**
   * V6: SnapshotMap's gate until the slots became longs: as slotCas, but a free slot holds a
   * sentinel object, so leaving stores a non-null reference into the shared (old) array and runs
   * G1's post-write barrier (a StoreLoad fence and a card mark for a cross-region store).
   */
  static final class SlotFree implements M {
    static final int STRIDE = 32;
    static final Object FREE = new Object();
    static final Object[] SLOTS = new Object[(8 + 1) * STRIDE];
    static { java.util.Arrays.fill(SLOTS, FREE); }
    static final class G extends ConcurrentHashMap<Integer, Integer> {
      volatile boolean sealed;
      G(int n) { super(n); }
    }
    volatile G current;
    SlotFree(int n) { current = new G(n); }
    public Integer get(Object k) { return current.get(k); }
    @SuppressWarnings("deprecation")
    public Integer put(Integer k, Integer v) {
      int slot = STRIDE * (1 + (int) ((Thread.currentThread().getId() * GOLDEN) >>> 61));
      for (;;) {
        G g = current;
        if (REFS.compareAndSet(SLOTS, slot, FREE, g)) {
          if (!g.sealed) {
            try { return g.put(k, v); } finally { REFS.setRelease(SLOTS, slot, FREE); }
          }
          REFS.setRelease(SLOTS, slot, FREE);
        }
      }
    }
  }

  /**
   * V7: what SnapshotMap does now: the slots are longs holding the generation's id, so neither
   * the CAS nor the release store is a reference store, and no collector barrier runs.
   */
  static final class SlotLong implements M {
    static final int STRIDE = 16;
    static final long[] SLOTS = new long[(8 + 1) * STRIDE];
    static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong();
    static final class G extends ConcurrentHashMap<Integer, Integer> {
      final long id = IDS.incrementAndGet();
      volatile boolean sealed;
      G(int n) { super(n); }
    }
    volatile G current;
    SlotLong(int n) { current = new G(n); }
    public Integer get(Object k) { return current.get(k); }
    @SuppressWarnings("deprecation")
    public Integer put(Integer k, Integer v) {
      int slot = STRIDE * (1 + (int) ((Thread.currentThread().getId() * GOLDEN) >>> 61));
      for (;;) {
        G g = current;
        if (LONGS.compareAndSet(SLOTS, slot, 0L, g.id)) {
          if (!g.sealed) {
            try { return g.put(k, v); } finally { LONGS.setRelease(SLOTS, slot, 0L); }
          }
          LONGS.setRelease(SLOTS, slot, 0L);
        }
      }
    }
  }

  /**
   * Read-path variants for GateBench.get/getMiss: a generation that may keep its entries in
   * segments, told apart by a field (layoutField: a null check of the segments array before every
   * read, as SnapshotMap first did) or by its class (layoutClass: a subclass overrides the read,
   * loaded here so that the JIT must check the receiver's class; SnapshotMap loads it only when a
   * map needs segments, and then pays this). layoutNone is the same generation read directly.
   */
  static class LG extends ConcurrentHashMap<Integer, Integer> {
    final ConcurrentHashMap<Integer, Integer>[] segments;
    @SuppressWarnings("unchecked")
    LG(int n, boolean segmented) { super(n); segments = segmented ? new ConcurrentHashMap[2] : null; }
    Integer lookup(Object key) { return get(key); }
    Integer lookupChecked(Object key) {
      ConcurrentHashMap<Integer, Integer>[] s = segments;
      if (s == null) return get(key);
      ConcurrentHashMap<Integer, Integer> m = s[key.hashCode() & 1];
      return m == null ? null : m.get(key);
    }
  }
  static final class SegmentedLG extends LG {
    SegmentedLG() { super(4, true); }
    @Override Integer lookup(Object key) {
      ConcurrentHashMap<Integer, Integer> m = segments[key.hashCode() & 1];
      return m == null ? null : m.get(key);
    }
  }
  static final class Layout implements M {
    final int variant;
    volatile LG current;
    Layout(int n, int variant) {
      this.variant = variant;
      current = new LG(n, false);
      if (variant == 2) new SegmentedLG().lookup(1); // loaded and used once
    }
    public Integer get(Object k) { return variant == 1 ? current.lookupChecked(k) : current.lookup(k); }
    public Integer put(Integer k, Integer v) { return current.put(k, v); }
  }

  /** SnapshotMap itself, behind the same wrapper as chmWrapped. */
  static final class Real implements M {
    final dev.clearguard.runtime.SnapshotMap<Integer, Integer> m;
    Real(int n) { m = new dev.clearguard.runtime.SnapshotMap<>(n); }
    public Integer put(Integer k, Integer v) { return m.put(k, v); }
    public Integer get(Object k) { return m.get(k); }
  }

  static M create(String impl, int n) {
    switch (impl) {
      case "real": return new Real(n);
      case "chm": return new Raw(n);
      case "chmWrapped": return new Chm(n);
      case "striped": return new Striped(n);
      case "slotCas": return new SlotCas(n);
      case "slotFree": return new SlotFree(n);
      case "slotLong": return new SlotLong(n);
      case "layoutNone": return new Layout(n, 0);
      case "layoutField": return new Layout(n, 1);
      case "layoutClass": return new Layout(n, 2);
      case "slotTl": return new SlotTl(n);
      case "noFence": return new SlotNoFence(n);
      case "fenceOnly": return new FenceOnly(n);
      default: throw new IllegalArgumentException(impl);
    }
  }
}
