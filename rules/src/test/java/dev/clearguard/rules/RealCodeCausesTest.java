package dev.clearguard.rules;

import org.junit.jupiter.api.Test;

/**
 * The seven causes of the false alarms found on whole real projects, each as the silent shape that
 * real code has and the nearby real race that must stay reported; and the two shapes of
 * ClearThenRefill real projects missed. See the rule pages' "When it stays silent".
 */
final class RealCodeCausesTest {

  // ---- 1. JavaBean setters of DTOs, value objects and config beans ----

  @Test
  void negativeSetterOfADataCarrier() {
    // A serialization DTO filled locally, then encoded: its ConcurrentMap type is no evidence.
    RuleTester.create()
        .addSource(
            "t/OffsetWrapper.java",
            """
            package t;
            import java.util.concurrent.*;
            public class OffsetWrapper {
              private ConcurrentMap<String, Long> offsetTable = new ConcurrentHashMap<>();
              public ConcurrentMap<String, Long> getOffsetTable() { return offsetTable; }
              public void setOffsetTable(ConcurrentMap<String, Long> offsetTable) {
                this.offsetTable = offsetTable;
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeSetterCalledOnlyOnAFreshObject() {
    // A value object with a lock of its own, filled by the code that just created it.
    RuleTester.create()
        .addSource(
            "t/AckEntry.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.atomic.AtomicInteger;
            public class AckEntry {
              private final AtomicInteger retries = new AtomicInteger();
              private Map<String, String> data = new HashMap<>();
              public void setData(Map<String, String> data) { this.data = data; }
              public Map<String, String> getData() { return data; }
            }
            """)
        .addSource(
            "t/Pusher.java",
            """
            package t;
            import java.util.*;
            public class Pusher {
              public AckEntry push(Map<String, String> data) {
                AckEntry entry = new AckEntry();
                entry.setData(data);
                return entry;
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeSettersOfASharedObjectThatOnlyConfigurationCalls() {
    // A transport configured from its URI's options: an uncalled setter is set by reflection, and
    // the factory's doBind sets options on the server its create method has just built.
    RuleTester.create()
        .addSource(
            "t/TcpServer.java",
            """
            package t;
            import java.util.*;
            public class TcpServer {
              private volatile boolean started;
              private Map<String, Object> socketOptions = new HashMap<>();
              private Map<String, Object> transportOptions = new HashMap<>();
              public void setSocketOptions(Map<String, Object> options) { socketOptions = options; }
              public void setTransportOptions(Map<String, Object> options) {
                transportOptions = new HashMap<>(options);
              }
              public synchronized void start() { started = true; }
              public Object option(String k) { return socketOptions.get(k) + "" + transportOptions.get(k); }
            }
            """)
        .addSource(
            "t/TcpServerFactory.java",
            """
            package t;
            import java.util.*;
            public class TcpServerFactory {
              public TcpServer bind(Map<String, Object> options) {
                TcpServer server = createServer();
                server.setTransportOptions(options);
                server.start();
                return server;
              }
              protected TcpServer createServer() {
                TcpServer server = new TcpServer() {
                  @Override
                  public String toString() { return "tcp"; }
                };
                return server;
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void positiveAFactoryThatMayReturnASharedObject() {
    RuleTester.create()
        .addSource(
            "t/TcpServer.java",
            """
            package t;
            import java.util.*;
            public class TcpServer {
              private volatile boolean started;
              private Map<String, Object> transportOptions = new HashMap<>();
              public void setTransportOptions(Map<String, Object> options) {
                // BUG: Diagnostic contains: UnsafeMapReassignment
                transportOptions = new HashMap<>(options);
              }
              public Object option(String k) { return transportOptions.get(k); }
            }
            """)
        .addSource(
            "t/TcpServerFactory.java",
            """
            package t;
            import java.util.*;
            public class TcpServerFactory {
              private final TcpServer shared = new TcpServer();
              public void reconfigure(Map<String, Object> options) {
                TcpServer server = serverFor(options);
                server.setTransportOptions(options);
              }
              protected TcpServer serverFor(Map<String, Object> options) {
                return options.isEmpty() ? shared : new TcpServer();
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveSetterCalledAtRunTimeOnASharedObject() {
    RuleTester.create()
        .addSource(
            "t/OffsetTable.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            public class OffsetTable {
              private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor();
              private ConcurrentMap<String, Long> table = new ConcurrentHashMap<>();
              public Long offset(String key) { return table.get(key); }
              public void setTable(ConcurrentMap<String, Long> table) {
                // BUG: Diagnostic contains: UnsafeMapReassignment
                this.table = table;
              }
            }
            """)
        .addSource(
            "t/HaService.java",
            """
            package t;
            import java.util.concurrent.*;
            public class HaService {
              private final OffsetTable offsets;
              HaService(OffsetTable offsets) { this.offsets = offsets; }
              public void changeToMaster(ConcurrentMap<String, Long> recovered) {
                offsets.setTable(recovered);
              }
            }
            """)
        .expectMarkedFindings();
  }

  // ---- 2. start-up code ----

  @Test
  void negativeHelpersReachedOnlyFromStartUp() {
    RuleTester.create()
        .addSource(
            "t/ThreadPools.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            public final class ThreadPools {
              private static final ThreadPools INSTANCE = new ThreadPools();
              private Map<String, ExecutorService> pools;
              private final Object lock = new Object();
              static { INSTANCE.init(); }
              private void init() { pools = new ConcurrentHashMap<>(); }
              public synchronized ExecutorService pool(String name) { return pools.get(name); }
            }
            """)
        .addSource(
            "t/Worker.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            public class Worker {
              private volatile boolean running;
              private Map<String, String> labels = new HashMap<>();
              private Map<String, String> table = new HashMap<>();
              public Worker(Properties properties) { init(properties); }
              public void init(Properties properties) { initLabels(properties); }
              void initLabels(Properties properties) { labels = new HashMap<>(); }
              public String label(String k) { return labels.get(k) + table.get(k); }
              @jakarta.annotation.PostConstruct
              void start() { load(); }
              void load() { table = new HashMap<>(); }
            }
            """)
        .addSource(
            "jakarta/annotation/PostConstruct.java",
            """
            package jakarta.annotation;
            public @interface PostConstruct {}
            """)
        .addSource(
            "t/Store.java",
            """
            package t;
            import java.util.*;
            public abstract class Store {
              protected volatile boolean open;
              protected Store() { doOpen(); }
              protected abstract void doOpen();
            }
            """)
        .addSource(
            "t/FileStore.java",
            """
            package t;
            import java.util.*;
            public class FileStore extends Store {
              private Map<String, String> index;
              @Override protected void doOpen() { index = new HashMap<>(); }
              public String get(String k) { return index.get(k); }
            }
            """)
        .addSource(
            "t/Startup.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.atomic.AtomicInteger;
            public class Startup {
              private static final AtomicInteger STARTS = new AtomicInteger();
              private static Properties properties;
              public static void main(String[] args) { parse(args); }
              static void parse(String[] args) { properties = new Properties(); }
              public static String property(String k) { return properties.getProperty(k); }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void positiveTheSameHelperAlsoCalledAtRunTime() {
    RuleTester.create()
        .addSource(
            "t/Worker.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            public class Worker {
              private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
              private Map<String, String> labels = new HashMap<>();
              public Worker() {
                initLabels();
                timer.scheduleWithFixedDelay(this::initLabels, 1, 1, TimeUnit.MINUTES);
              }
              void initLabels() {
                // BUG: Diagnostic contains: UnsafeMapReassignment
                labels = new HashMap<>();
              }
              public String label(String k) { return labels.get(k); }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void negativeALibraryCallbackNothingHereCallsAndABeanBinding() {
    // decode() overrides a library's method that the library's own load() calls at start-up; the
    // module never calls it, so when it runs is unknown: silent. So is a bound bean's setter.
    RuleTester.create()
        .addSource(
            "lib/ConfigManager.java",
            """
            package lib;
            public abstract class ConfigManager {
              public abstract void decode(String json);
            }
            """)
        .addSource(
            "org/springframework/boot/context/properties/ConfigurationProperties.java",
            """
            package org.springframework.boot.context.properties;
            public @interface ConfigurationProperties {}
            """)
        .addSource(
            "t/OffsetManager.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            public class OffsetManager extends lib.ConfigManager {
              private final ScheduledExecutorService persister = Executors.newSingleThreadScheduledExecutor();
              private ConcurrentMap<String, Long> offsets = new ConcurrentHashMap<>();
              public Long offset(String k) { return offsets.get(k); }
              @Override public void decode(String json) { offsets = new ConcurrentHashMap<>(); }
            }
            """)
        .addSource(
            "t/RaftConfig.java",
            """
            package t;
            import java.util.*;
            @org.springframework.boot.context.properties.ConfigurationProperties
            public class RaftConfig {
              private volatile boolean started;
              private Map<String, String> config = new HashMap<>();
              public void setConfig(Map<String, String> config) { this.config = config; }
              public String get(String k) { return config.get(k); }
            }
            """)
        .withLibraryClasses("lib/")
        .expectNoFindings();
  }

  @Test
  void positiveASingletonsPublicMethodReachedFromALibraryCallback() {
    // A Raft snapshot load: the library calls onSnapshotLoad at run time, which calls a public
    // method of a container-managed singleton, which serves requests all the while.
    RuleTester.create()
        .addSource(
            "org/springframework/stereotype/Component.java",
            """
            package org.springframework.stereotype;
            public @interface Component {}
            """)
        .addSource(
            "t/MetadataManager.java",
            """
            package t;
            import java.util.concurrent.*;
            @org.springframework.stereotype.Component
            public class MetadataManager {
              private ConcurrentMap<String, String> metadata = new ConcurrentHashMap<>();
              public String get(String k) { return metadata.get(k); }
              public void loadSnapshot(ConcurrentMap<String, String> snapshot) {
                ConcurrentMap<String, String> old = metadata;
                // BUG: Diagnostic contains: UnsafeMapReassignment
                metadata = snapshot;
                old.clear();
              }
            }
            """)
        .addSource(
            "t/SnapshotOperation.java",
            """
            package t;
            import java.util.concurrent.*;
            public class SnapshotOperation implements Runnable {
              private final MetadataManager manager;
              SnapshotOperation(MetadataManager manager) { this.manager = manager; }
              public void run() { manager.loadSnapshot(new ConcurrentHashMap<>()); }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void negativeASingletonsPublicLoadCalledOnlyFromPostConstruct() {
    RuleTester.create()
        .addSource(
            "org/springframework/stereotype/Component.java",
            """
            package org.springframework.stereotype;
            public @interface Component {}
            """)
        .addSource(
            "jakarta/annotation/PostConstruct.java",
            """
            package jakarta.annotation;
            public @interface PostConstruct {}
            """)
        .addSource(
            "t/CmdbProvider.java",
            """
            package t;
            import java.util.*;
            @org.springframework.stereotype.Component
            public class CmdbProvider {
              private Map<String, String> entities = new HashMap<>();
              public String entity(String k) { return entities.get(k); }
              @jakarta.annotation.PostConstruct
              public void init() { load(); }
              public void load() { entities = new HashMap<>(); }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void positiveAMemberTaskReplacesItsOuterClassesMap() {
    // The task class runs on a scheduler's thread; readers call the outer class's methods.
    RuleTester.create()
        .addSource(
            "t/DiskFailover.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            public class DiskFailover {
              private final Map<String, String> switches = new ConcurrentHashMap<>();
              private Map<String, String> services = new ConcurrentHashMap<>();
              public String service(String k) { return services.get(k); }
              class FileReader implements Runnable {
                @Override
                public void run() {
                  Map<String, String> read = new HashMap<>();
                  // BUG: Diagnostic contains: UnsafeMapReassignment
                  services = read;
                }
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void negativeReadExternalAndAnImplementationNothingInTheModuleCalls() {
    // Both implement an interface method nothing in the module calls (Externalizable's, and the
    // module's own): a deserialiser or another module calls them, at a time nothing shows.
    RuleTester.create()
        .addSource(
            "t/TransientInitializer.java",
            """
            package t;
            public interface TransientInitializer {
              void initTransients();
            }
            """)
        .addSource(
            "t/ConsumerInfo.java",
            """
            package t;
            import java.io.*;
            import java.util.*;
            public class ConsumerInfo implements Externalizable, TransientInitializer {
              private volatile boolean dispatching;
              private Map<String, Integer> groups = new HashMap<>();
              private Map<String, String> options = new HashMap<>();
              public ConsumerInfo() {}
              public int group(String k) { return groups.get(k) + options.size(); }
              @Override public void initTransients() { groups = new HashMap<>(); }
              @Override public void readExternal(ObjectInput in) { options = new HashMap<>(); }
              @Override public void writeExternal(ObjectOutput out) {}
            }
            """)
        .expectNoFindings();
  }

  @Test
  void positiveAReaderOnlyAnUncalledImplementationReachesMustStillHoldTheLock() {
    // The writer runs on the sender thread under the object's monitor; the reader runs on the
    // application's thread through public API nothing in the module calls. Its timing is unknown,
    // so it counts as a reader that can run at any time, not as set-up.
    RuleTester.create()
        .addSource(
            "t/Producer.java",
            """
            package t;
            public interface Producer {
              String send(String topic);
            }
            """)
        .addSource(
            "t/Metadata.java",
            """
            package t;
            import java.util.*;
            public class Metadata {
              private Map<String, String> errors = new HashMap<>();
              public synchronized void update(Map<String, String> fresh) {
                // BUG: Diagnostic contains: UnsafeMapReassignment
                errors = fresh;
              }
              public String error(String topic) { return errors.get(topic); }
            }
            """)
        .addSource(
            "t/Client.java",
            """
            package t;
            import java.util.*;
            public class Client implements Producer, Runnable {
              private final Metadata metadata = new Metadata();
              @Override public void run() { metadata.update(new HashMap<>()); }
              @Override public String send(String topic) { return metadata.error(topic); }
            }
            """)
        .expectMarkedFindings();
  }

  // ---- 3. static concurrency members say nothing about instance fields ----

  @Test
  void negativeStaticCountersDoNotMakeARequestObjectShared() {
    RuleTester.create()
        .addSource(
            "t/Command.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.atomic.AtomicInteger;
            public class Command {
              private static final AtomicInteger REQUEST_ID = new AtomicInteger();
              private static volatile int configVersion;
              private static final Map<Class<?>, String> CACHE = new HashMap<>();
              private HashMap<String, String> extFields;
              static synchronized String cached(Class<?> type) { return CACHE.get(type); }
              String canonical(Class<?> type) {
                synchronized (CACHE) {
                  return CACHE.get(type);
                }
              }
              public void addExtField(String k, String v) {
                if (extFields == null) {
                  extFields = new HashMap<>();
                }
                extFields.put(k, v);
              }
              public void decode(Map<String, String> fields) { extFields = new HashMap<>(fields); }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void positiveStaticEvidenceForAStaticField() {
    RuleTester.create()
        .addSource(
            "t/Defaults.java",
            """
            package t;
            import java.util.*;
            public class Defaults {
              private static Map<String, String> values = new HashMap<>();
              public static synchronized String get(String k) { return values.get(k); }
              public static void reload(Map<String, String> fresh) {
                // BUG: Diagnostic contains: UnsafeMapReassignment
                values = new HashMap<>(fresh);
              }
            }
            """)
        .expectMarkedFindings();
  }

  // ---- 4. Properties and Hashtable are no evidence of sharing ----

  @Test
  void negativePropertiesAndHashtableAlone() {
    RuleTester.create()
        .addSource(
            "t/ConfigBuilder.java",
            """
            package t;
            import java.util.*;
            public class ConfigBuilder {
              private Properties properties = new Properties();
              private final Hashtable<String, String> table = new Hashtable<>();
              public ConfigBuilder properties(Properties p) { this.properties = p; return this; }
              public void reset(Map<String, String> fresh) {
                table.clear();
                table.putAll(fresh);
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void positiveHashtableOfASharedHolder() {
    RuleTester.create()
        .addSource(
            "t/Directory.java",
            """
            package t;
            import java.util.*;
            public class Directory implements Runnable {
              private final Hashtable<String, String> table = new Hashtable<>();
              public void run() {
                // BUG: Diagnostic contains: ClearThenRefill
                table.clear();
                table.putAll(System.getenv());
              }
              public String get(String k) { return table.get(k); }
            }
            """)
        .expectMarkedFindings();
  }

  // ---- 5. test-only hooks ----

  @Test
  void negativeTestOnlyHook() {
    RuleTester.create()
        .addSource(
            "t/JustForTest.java",
            """
            package t;
            public @interface JustForTest {}
            """)
        .addSource(
            "t/RaftServer.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            public class RaftServer {
              private volatile boolean started;
              private Map<String, String> groups = new ConcurrentHashMap<>();
              public String group(String k) { return groups.get(k); }
              private final Map<String, String> peers = new ConcurrentHashMap<>();
              @JustForTest
              public void mockGroups(Map<String, String> groups) { this.groups = groups; }
              @JustForTest
              public void mockPeers(Map<String, String> fresh) { resetPeers(fresh); }
              private void resetPeers(Map<String, String> fresh) {
                peers.clear();
                peers.putAll(fresh);
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void positiveTheSameWriteWithoutTheMarker() {
    RuleTester.create()
        .addSource(
            "t/RaftServer.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            public class RaftServer {
              private volatile boolean started;
              private Map<String, String> groups = new ConcurrentHashMap<>();
              public String group(String k) { return groups.get(k); }
              public void replaceGroups(Map<String, String> groups) {
                // BUG: Diagnostic contains: UnsafeMapReassignment
                this.groups = groups;
              }
            }
            """)
        .expectMarkedFindings();
  }

  // ---- 6. one lock across helpers ----

  @Test
  void negativeHelpersCalledOnlyUnderTheLock() {
    RuleTester.create()
        .addSource(
            "t/Metadata.java",
            """
            package t;
            import java.util.*;
            public class Metadata {
              private Map<String, String> table = new HashMap<>();
              public synchronized void refresh(Map<String, String> fresh) { replace(fresh); }
              public synchronized String lookup(String k) { return read(k); }
              void replace(Map<String, String> fresh) { table = new HashMap<>(fresh); }
              String read(String k) { return table.get(k); }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void positiveAHelperAlsoCalledWithoutTheLock() {
    RuleTester.create()
        .addSource(
            "t/Metadata.java",
            """
            package t;
            import java.util.*;
            public class Metadata {
              private Map<String, String> table = new HashMap<>();
              public synchronized void refresh(Map<String, String> fresh) { replace(fresh); }
              public synchronized String lookup(String k) { return read(k); }
              public String peek(String k) { return read(k); }
              void replace(Map<String, String> fresh) {
                // BUG: Diagnostic contains: UnsafeMapReassignment
                table = new HashMap<>(fresh);
              }
              String read(String k) { return table.get(k); }
            }
            """)
        .expectMarkedFindings();
  }

  // ---- 7. generated code ----

  @Test
  void negativeGeneratedParser() {
    RuleTester.create()
        .addSource(
            "t/Parser.java",
            """
            /* Generated By:JavaCC: Do not edit this line. Parser.java */
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            public class Parser {
              private final Map<String, Integer> tokens = new ConcurrentHashMap<>();
              public void reset(Map<String, Integer> fresh) {
                tokens.clear();
                tokens.putAll(fresh);
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeAFileUnderGeneratedSources() {
    RuleTester.create()
        .addSource(
            "target/generated-sources/annotations/t/Registry.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            public class Registry {
              private final Map<String, Integer> ids = new ConcurrentHashMap<>();
              public void reset(Map<String, Integer> fresh) {
                ids.clear();
                ids.putAll(fresh);
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void positiveAHandWrittenFileThatMentionsAGenerator() {
    RuleTester.create()
        .addSource(
            "t/Tokens.java",
            """
            /* Token tables for the parser that JavaCC builds from grammar.jj. */
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            public class Tokens {
              private final Map<String, Integer> tokens = new ConcurrentHashMap<>();
              public void reset(Map<String, Integer> fresh) {
                // BUG: Diagnostic contains: ClearThenRefill
                tokens.clear();
                tokens.putAll(fresh);
              }
            }
            """)
        .expectMarkedFindings();
  }

  // ---- ClearThenRefill shapes real projects have ----

  @Test
  void positiveRefillInANestedTryAfterTheClear() {
    RuleTester.create()
        .addSource(
            "t/Replicas.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            public class Replicas {
              private final Map<String, String> replicas = new ConcurrentHashMap<>();
              private final Map<String, String> states = new ConcurrentHashMap<>();
              public void deserializeFrom(List<String> data) {
                // BUG: Diagnostic contains: ClearThenRefill
                this.replicas.clear();
                try {
                  for (String d : data) {
                    this.replicas.put(d, d);
                  }
                } catch (RuntimeException e) {
                  throw e;
                }
                try {
                  // BUG: Diagnostic contains: ClearThenRefill
                  states.clear();
                  load(data);
                } finally {
                  data.clear();
                }
              }
              private void load(List<String> data) {
                for (String d : data) {
                  states.put(d, d);
                }
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveRefillThroughAHelperThatPutsIntoTheMap() {
    RuleTester.create()
        .addSource(
            "t/Rules.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            public class Rules {
              private final Map<String, String> byName = new ConcurrentHashMap<>();
              private final Map<String, String> byResource = new ConcurrentHashMap<>();
              public void loadRules(List<String> rules) {
                // BUG: Diagnostic contains: ClearThenRefill
                byName.clear();
                // BUG: Diagnostic contains: ClearThenRefill
                byResource.clear();
                for (String rule : rules) {
                  save(rule);
                }
              }
              private void save(String rule) {
                byName.put(rule, rule);
                byResource.put(rule, rule);
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void negativeHelperThatDoesNotPutAndRefillInAnotherBranch() {
    RuleTester.create()
        .addSource(
            "t/Rules.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            public class Rules {
              private final Map<String, String> byName = new ConcurrentHashMap<>();
              private final List<String> log = new ArrayList<>();
              public void reset(List<String> rules) {
                byName.clear();
                for (String rule : rules) {
                  note(rule);
                }
              }
              public void reload(List<String> rules, boolean wipe) {
                if (wipe) {
                  byName.clear();
                } else {
                  for (String rule : rules) {
                    byName.put(rule, rule);
                  }
                }
              }
              private void note(String rule) {
                log.add(rule);
                byName.get(rule);
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeClearThenRefillReachedOnlyFromAConstructor() {
    RuleTester.create()
        .addSource(
            "t/Table.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            public class Table {
              private final Map<String, String> table = new ConcurrentHashMap<>();
              public Table(Map<String, String> initial) { load(initial); }
              void load(Map<String, String> initial) {
                table.clear();
                table.putAll(initial);
              }
              public String get(String k) { return table.get(k); }
            }
            """)
        .expectNoFindings();
  }

  // ---- the call graph: dispatch through a supertype many classes implement ----

  /** {@code count} more classes implementing {@code t.Service}, each with an empty start(). */
  private static RuleTester withServices(RuleTester tester, int count) {
    for (int i = 0; i < count; i++) {
      tester.addSource(
          "t/Other" + i + ".java",
          "package t; public class Other" + i + " implements Service { public void start() {} }");
    }
    return tester;
  }

  private static final String SERVICE = "package t; public interface Service { void start(); }";

  private static final String RESTARTER =
      """
      package t;
      import java.util.*;
      public class Restarter implements Runnable {
        private final List<Service> services = new ArrayList<>();
        public void run() { for (Service s : services) s.start(); }
      }
      """;

  private static final String ROUTES =
      """
      package t;
      import java.util.*;
      public class Routes implements Service {
        private volatile boolean running;
        private Map<String, String> table = new HashMap<>();
        public String route(String k) { return table.get(k); }
        public void start() {
          // BUG: Diagnostic contains: UnsafeMapReassignment
          table = new HashMap<>();
          running = true;
        }
      }
      """;

  @Test
  void negativeAnImplementationReachedOnlyThroughAnInterfaceManyClassesImplement() {
    // s.start() on a Service could run any of ten classes' start(): it says nothing about when
    // this one runs, so Routes.start() counts as a framework's callback nothing here calls.
    withServices(RuleTester.create(), 9)
        .addSource("t/Service.java", SERVICE)
        .addSource("t/Restarter.java", RESTARTER)
        .addSource("t/Routes.java", ROUTES.replace("// BUG: Diagnostic contains", "// was"))
        .expectNoFindings();
  }

  @Test
  void positiveTheSameCallWhenFewClassesImplementTheInterface() {
    withServices(RuleTester.create(), 2)
        .addSource("t/Service.java", SERVICE)
        .addSource("t/Restarter.java", RESTARTER)
        .addSource("t/Routes.java", ROUTES)
        .expectMarkedFindings();
  }

  @Test
  void positiveATemplateMethodCalledOnThisRunsWhateverManyOverrideIt() {
    // Base.run() calls reload() on its own object: the override of the running instance's class
    // runs, however many subclasses override it.
    RuleTester tester = RuleTester.create();
    for (int i = 0; i < 9; i++) {
      tester.addSource(
          "t/Job" + i + ".java",
          "package t; public class Job" + i + " extends Base { protected void reload() {} }");
    }
    tester
        .addSource(
            "t/Base.java",
            """
            package t;
            public abstract class Base implements Runnable {
              protected abstract void reload();
              public void run() { reload(); }
            }
            """)
        .addSource(
            "t/Refresh.java",
            """
            package t;
            import java.util.*;
            public class Refresh extends Base {
              private volatile boolean done;
              private Map<String, String> rows = new HashMap<>();
              public String row(String k) { return rows.get(k); }
              protected void reload() {
                // BUG: Diagnostic contains: UnsafeMapReassignment
                rows = new HashMap<>();
                done = true;
              }
            }
            """)
        .expectMarkedFindings();
  }

  private static final String CONTEXT =
      """
      package t;
      import java.util.*;
      public class Context {
        private volatile boolean open;
        private Map<String, String> routes = new HashMap<>();
        public String route(String k) { return routes.get(k); }
        public void setRoutes(Map<String, String> fresh) {
          // BUG: Diagnostic contains: UnsafeMapReassignment
          routes = fresh;
        }
      }
      """;

  @Test
  void negativeSettingUpAnObjectJustStoredInAField() {
    // The connection makes a new context, keeps it in its field, and fills it: set-up of a new
    // object, whichever thread runs it.
    RuleTester.create()
        .addSource("t/Context.java", CONTEXT.replace("// BUG: Diagnostic contains", "// was"))
        .addSource(
            "t/Connection.java",
            """
            package t;
            import java.util.*;
            public class Connection implements Runnable {
              private Context context;
              public void run() {
                context = new Context();
                context.setRoutes(new HashMap<>());
                this.context.setRoutes(Map.of());
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void positiveTheSameCallOnTheContextTheFieldAlreadyHeld() {
    RuleTester.create()
        .addSource("t/Context.java", CONTEXT)
        .addSource(
            "t/Connection.java",
            """
            package t;
            import java.util.*;
            public class Connection implements Runnable {
              private Context context = new Context();
              public void run() {
                context.setRoutes(new HashMap<>());
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveAnUncalledSetterWhoseWriteIgnoresItsValue() {
    // setDlq(..) is named like a property, but the map it creates is not the value it is given:
    // it lazily publishes an empty map and fills it, on a destination other threads use.
    RuleTester.create()
        .addSource(
            "t/Destination.java",
            """
            package t;
            import java.util.*;
            public class Destination {
              private volatile String name;
              private Map<String, String> options;
              public String option(String k) { return options == null ? null : options.get(k); }
              public void setDlq(boolean dlq) {
                if (options == null) {
                  // BUG: Diagnostic contains: UnsafeMapReassignment
                  options = new HashMap<>();
                }
                options.put("dlq", String.valueOf(dlq));
              }
              public void setOptions(Map<String, String> fresh) {
                options = new HashMap<>(fresh); // a property: a binder sets it while it builds
              }
              public void setDefaults(Map<String, String> fresh) {
                Map<String, String> copy = new HashMap<>(fresh);
                options = copy; // the value, through a local: still a property
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveAFieldsNewObjectOnceAnotherThreadCanReachIt() {
    // The field publishes the new context at once: after a task reading it is submitted, or in a
    // loop, the calls on it no longer set up an object nobody else has.
    RuleTester.create()
        .addSource("t/Context.java", CONTEXT)
        .addSource(
            "t/Connection.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            public class Connection implements Runnable {
              private final ExecutorService readers = Executors.newSingleThreadExecutor();
              private volatile boolean running = true;
              private Context context;
              public void run() {
                context = new Context();
                readers.submit(() -> context.route("x"));
                while (running) {
                  context.setRoutes(new HashMap<>());
                }
              }
            }
            """)
        .expectMarkedFindings();
  }

  // ---- lazy initialisation of a field nothing replaces ----

  @Test
  void negativeLazilyCreatedMapsOfAnObjectHandedBetweenThreads() {
    // A per-request exchange: its volatile state and executor are there because it moves between
    // an I/O thread and a worker, and each map is created once, empty, when first needed.
    RuleTester.create()
        .addSource(
            "t/Exchange.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.Executor;
            public class Exchange {
              private volatile int state;
              private Executor dispatcher;
              private Map<String, Deque<String>> query;
              private Map<String, String> path;
              private Map<String, Integer> levels;
              public Map<String, Deque<String>> getQuery() {
                if (query == null) {
                  query = new TreeMap<>();
                }
                return query;
              }
              public Exchange addQuery(String name, String value) {
                if (this.query == null) {
                  this.query = new TreeMap<>();
                }
                query.computeIfAbsent(name, k -> new ArrayDeque<>()).add(value);
                return this;
              }
              public Exchange addPath(String name, String value) {
                if (null == path && name != null) path = new HashMap<>(4);
                path.put(name, value);
                return this;
              }
              private Map<String, Integer> levels() {
                if (levels == null) {
                  if (state > 0) {
                    levels = new HashMap<>();
                  } else {
                    levels = new LinkedHashMap<>();
                  }
                }
                return levels;
              }
              public Integer level(String k) { return levels().get(k); }
              public void dispatch(Runnable task) {
                state = 1;
                dispatcher.execute(task);
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void positiveLazyInitialisationOfAFieldThatIsAlsoDroppedOrReplaced() {
    // Dropped and created again, or replaced by a setter: a reader can keep a map that is no longer
    // the field's. A lazily decoded map is built before it is published, and one filled in the
    // branch that creates it is filled after: either can be seen half-built.
    RuleTester.create()
        .addSource(
            "t/Message.java",
            """
            package t;
            import java.util.*;
            public class Message {
              private volatile boolean readOnly;
              private byte[] marshalled;
              private Map<String, Object> properties;
              private Map<String, String> headers;
              private Map<String, String> decoded;
              public void setProperty(String k, Object v) {
                if (properties == null) {
                  // BUG: Diagnostic contains: UnsafeMapReassignment
                  properties = new HashMap<>();
                }
                properties.put(k, v);
              }
              public void clearProperties() { properties = null; }
              public Object property(String k) {
                return properties == null ? null : properties.get(k);
              }
              public String header(String k) {
                if (headers == null) {
                  // BUG: Diagnostic contains: UnsafeMapReassignment
                  headers = new HashMap<>();
                }
                return headers.get(k);
              }
              public void replaceHeaders(Map<String, String> fresh) {
                // BUG: Diagnostic contains: UnsafeMapReassignment
                headers = new HashMap<>(fresh);
              }
              private Map<String, String> defaults;
              public String fallback(String k) {
                if (defaults == null) {
                  // BUG: Diagnostic contains: UnsafeMapReassignment
                  defaults = new HashMap<>();
                  defaults.put("timeout", "30");
                  defaults.put("retries", "3");
                }
                return defaults.get(k);
              }
              public String decoded(String k) {
                if (decoded == null) {
                  // BUG: Diagnostic contains: UnsafeMapReassignment
                  decoded = decode(marshalled);
                }
                return decoded.get(k);
              }
              private static Map<String, String> decode(byte[] bytes) {
                return new HashMap<>(Map.of("size", String.valueOf(bytes.length)));
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveAnEmptyMapAssignedWhenTheFieldIsNotNull() {
    // The else-branch of the null check replaces a map that exists: the field is reassigned, and
    // its
    // lazy creation races those replacements like any other write.
    RuleTester.create()
        .addSource(
            "t/Registry.java",
            """
            package t;
            import java.util.*;
            public class Registry {
              private volatile long version;
              private Map<String, String> entries;
              public String get(String k) { return entries == null ? null : entries.get(k); }
              public void reset() {
                if (entries == null) {
                  // BUG: Diagnostic contains: UnsafeMapReassignment
                  entries = new HashMap<>();
                } else {
                  // BUG: Diagnostic contains: UnsafeMapReassignment
                  entries = new HashMap<>();
                }
                version++;
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveLazyCreationThatOtherThreadsRunOrThatIsFilledElsewhere() {
    // Two threads can create the map at once when the creation is in code handed to an executor,
    // or when the field is static (the class's, shared by every instance); a helper fills the map
    // the branch created; a pool's recycle() drops another object's map, so it is created again.
    RuleTester.create()
        .addSource(
            "t/Stats.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            public class Stats {
              private final ExecutorService pool = Executors.newFixedThreadPool(4);
              private Map<String, Long> counts;
              private Map<String, String> handlers;
              private Map<String, String> attributes;
              private static Map<String, String> registry;
              public void record(String k) {
                pool.execute(
                    () -> {
                      if (counts == null) {
                        // BUG: Diagnostic contains: UnsafeMapReassignment
                        counts = new ConcurrentHashMap<>();
                      }
                      counts.merge(k, 1L, Long::sum);
                    });
              }
              public Long count(String k) { return counts == null ? null : counts.get(k); }
              public static synchronized int registered() { return registry == null ? 0 : 1; }
              public static void register(String k, String v) {
                if (registry == null) {
                  // BUG: Diagnostic contains: UnsafeMapReassignment
                  registry = new HashMap<>();
                }
                registry.put(k, v);
              }
              public String handler(String k) {
                if (handlers == null) {
                  // BUG: Diagnostic contains: UnsafeMapReassignment
                  handlers = new HashMap<>();
                  registerDefaults();
                }
                return handlers.get(k);
              }
              private void registerDefaults() { handlers.put("a", "b"); }
              public String attribute(String k) {
                if (attributes == null) {
                  // BUG: Diagnostic contains: UnsafeMapReassignment
                  attributes = new HashMap<>();
                }
                return attributes.get(k);
              }
              static void recycle(Stats s) { s.attributes = null; }
            }
            """)
        .expectMarkedFindings();
  }

  // ---- super.m() runs no override ----

  private static final String FILTER =
      """
      package t;
      public class Filter {
        protected long commands;
        public void onCommand(Object command) { commands++; }
      }
      """;

  private static final String NEGOTIATOR =
      """
      package t;
      import java.util.*;
      public class Negotiator extends Filter {
        private volatile boolean negotiated;
        private Map<Object, Short> cache = new HashMap<>();
        public synchronized Short index(Object o) { return cache.get(o); }
        @Override
        public void onCommand(Object command) {
          negotiate();
          super.onCommand(command);
        }
        public void negotiate() {
          // MARK
          cache = new HashMap<>();
          negotiated = true;
        }
      }
      """;

  @Test
  void negativeASuperCallInASiblingClassDoesNotReachAnOverride() {
    // Reliable's super.onCommand() runs Filter's method only: it never reaches the negotiator's
    // override, whose own caller (the framework, through the listener interface) is not in view.
    RuleTester.create()
        .addSource("t/Filter.java", FILTER)
        .addSource("t/Negotiator.java", NEGOTIATOR.replace("// MARK\n", ""))
        .addSource(
            "t/Reliable.java",
            """
            package t;
            public class Reliable extends Filter implements Runnable {
              private volatile Object last;
              @Override
              public void onCommand(Object command) {
                last = command;
                super.onCommand(command);
              }
              public void run() { onCommand(last); }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void positiveTheSameOverrideReachedThroughAVirtualCall() {
    RuleTester.create()
        .addSource("t/Filter.java", FILTER)
        .addSource(
            "t/Negotiator.java",
            NEGOTIATOR.replace("// MARK", "// BUG: Diagnostic contains: UnsafeMapReassignment"))
        .addSource(
            "t/Reader.java",
            """
            package t;
            public class Reader implements Runnable {
              private final Filter chain;
              public Reader(Filter chain) { this.chain = chain; }
              public void run() { chain.onCommand(new Object()); }
            }
            """)
        .expectMarkedFindings();
  }

  // ---- a drain that loses nothing ----

  private static final String KEY_CACHE =
      """
      package t;
      import java.util.*;
      import java.util.concurrent.*;
      public class KeyCache {
        public interface Key { void release(); }
        private final ConcurrentMap<String, Key> cache = new ConcurrentHashMap<>();
        public Key choose(String alias, Key made) {
          Key key = cache.get(alias);
          if (key == null) {
            Key old = cache.putIfAbsent(alias, made);
            key = old != null ? old : made;
          }
          return key;
        }
        public void destroy() {
          do {
            Iterator<Key> it = cache.values().iterator();
            // MARK
            while (it.hasNext()) {
              it.next().release();
              it.remove();
            }
          } while (!cache.isEmpty());
        }
      }
      """;

  @Test
  void negativeADrainRepeatedUntilEmptyOfAMapOnlyEverAddedTo() {
    // Keys are only added if absent, so no value changes between next() and remove(), and the
    // do/while drains what was added during a pass: every key is released exactly once.
    RuleTester.create()
        .addSource("t/KeyCache.java", KEY_CACHE.replace("      // MARK\n", ""))
        .expectNoFindings();
  }

  @Test
  void positiveTheSameDrainWhenAValueCanBeReplaced() {
    // put(..) can replace the value between next() and remove(): the new key is removed unreleased.
    String marked = KEY_CACHE.replace("// MARK", "// BUG: Diagnostic contains: IterateRemoveClear");
    RuleTester.create()
        .addSource(
            "t/KeyCache.java",
            marked.replace(
                "  public void destroy() {",
                "  public void refresh(String alias, Key k) { cache.put(alias, k); }\n"
                    + "  public void destroy() {"))
        .expectMarkedFindings();
  }

  @Test
  void positiveTheSameDrainWhenAKeyCanBeRemovedAndAddedAgain() {
    // evict() removes a key, choose() adds it again with a new key: between the drain's next() and
    // remove(), the new key is removed unreleased.
    String marked = KEY_CACHE.replace("// MARK", "// BUG: Diagnostic contains: IterateRemoveClear");
    RuleTester.create()
        .addSource(
            "t/KeyCache.java",
            marked.replace(
                "  public void destroy() {",
                "  public void evict(String alias) { Key k = cache.remove(alias); if (k != null)"
                    + " k.release(); }\n"
                    + "  public void destroy() {"))
        .expectMarkedFindings();
  }

  @Test
  void positiveTheSameDrainRunOnce() {
    // Without the do/while, a key added behind the iterator survives the drain, never released.
    String marked = KEY_CACHE.replace("// MARK", "// BUG: Diagnostic contains: IterateRemoveClear");
    RuleTester.create()
        .addSource(
            "t/KeyCache.java",
            marked.replace("    do {\n", "    {\n").replace("} while (!cache.isEmpty());", "}"))
        .expectMarkedFindings();
  }
}
