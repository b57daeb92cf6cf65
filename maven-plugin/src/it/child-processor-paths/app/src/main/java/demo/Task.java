package demo;

import com.google.auto.service.AutoService;

/** Registered by the module's own processor, which must still run beside ClearGuard. */
@AutoService(Runnable.class)
public class Task implements Runnable {
  @Override
  public void run() {}
}
