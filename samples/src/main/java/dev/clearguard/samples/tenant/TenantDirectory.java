package dev.clearguard.samples.tenant;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Tenants by id and by custom domain, replaced wholesale when the admin service pushes a list. */
public final class TenantDirectory {
  /** A customer organisation. */
  public record Tenant(String id, String name, String plan) {}

  private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
  private Map<String, String> domains = new HashMap<>();

  public synchronized Tenant find(String id) {
    return tenants.get(id);
  }

  public synchronized Tenant forDomain(String domain) {
    String id = domains.get(domain);
    return id == null ? null : tenants.get(id);
  }

  public synchronized void add(Tenant tenant, String domain) {
    tenants.put(tenant.id(), tenant);
    domains.put(domain, tenant.id());
  }

  public synchronized List<Tenant> all() {
    return List.copyOf(tenants.values());
  }

  /** Replaces every tenant and domain mapping with the pushed snapshot. */
  public synchronized void replaceAll(Collection<Tenant> fresh, Map<String, String> freshDomains) {
    tenants.clear();
    for (Tenant tenant : fresh) {
      tenants.put(tenant.id(), tenant);
    }
    domains = new HashMap<>(freshDomains);
  }
}
