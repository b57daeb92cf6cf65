package dev.clearguard.samples.cache;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** Compiled page templates, recompiled in the background when the template directory changes. */
public final class TemplateCache {
  /** A compiled template. */
  public interface Template {
    String render(Map<String, Object> model);
  }

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private Map<String, Template> templates = new HashMap<>();

  public String render(String name, Map<String, Object> model) {
    Template template;
    lock.readLock().lock();
    try {
      template = templates.get(name);
    } finally {
      lock.readLock().unlock();
    }
    if (template == null) {
      throw new IllegalArgumentException("no template named " + name);
    }
    return template.render(model);
  }

  public Set<String> names() {
    lock.readLock().lock();
    try {
      return Set.copyOf(templates.keySet());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Installs a freshly compiled set of templates. */
  public void reload(Map<String, Template> compiled) {
    lock.writeLock().lock();
    try {
      templates = new HashMap<>(compiled);
    } finally {
      lock.writeLock().unlock();
    }
  }
}
