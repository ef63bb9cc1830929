package nl.herstel.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops a process together with all its descendants, so nothing is left behind. */
final class ProcessTree {
  private ProcessTree() {}

  /** The process and all its (current) descendants, the root first. */
  static List<ProcessHandle> snapshot(ProcessHandle root) {
    List<ProcessHandle> all = new ArrayList<>();
    all.add(root);
    root.descendants().forEach(all::add);
    return all;
  }

  /**
   * SIGTERM to the root and every descendant, wait up to {@code grace} for all of them, then
   * SIGKILL whatever is still alive (including descendants born in the meantime).
   *
   * @return true when everything ended on SIGTERM within the grace period
   */
  static boolean terminate(ProcessHandle root, Duration grace) {
    List<ProcessHandle> tree = snapshot(root);
    // Children first: a shell may otherwise spawn or re-parent them while we wait.
    for (int i = tree.size() - 1; i >= 0; i--) {
      tree.get(i).destroy();
    }
    long deadline = System.nanoTime() + grace.toNanos();
    boolean graceful = true;
    for (ProcessHandle p : tree) {
      long left = deadline - System.nanoTime();
      if (!await(p, Math.max(0, left))) {
        graceful = false;
      }
    }
    if (!graceful || root.descendants().findAny().isPresent()) {
      kill(tree);
      graceful = false;
    }
    return graceful;
  }

  /** SIGKILL the root and every descendant, and wait until they are gone. */
  static void kill(ProcessHandle root) {
    kill(snapshot(root));
  }

  private static void kill(List<ProcessHandle> tree) {
    List<ProcessHandle> all = new ArrayList<>(tree);
    for (ProcessHandle p : tree) {
      p.descendants().forEach(all::add);
    }
    for (ProcessHandle p : all) {
      p.destroyForcibly();
    }
    for (ProcessHandle p : all) {
      await(p, TimeUnit.SECONDS.toNanos(10));
    }
  }

  /** Polls: onExit() of a process that is not our child can lag by seconds. */
  private static boolean await(ProcessHandle p, long nanos) {
    long deadline = System.nanoTime() + nanos;
    while (p.isAlive()) {
      if (System.nanoTime() >= deadline) {
        return false;
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !p.isAlive();
      }
    }
    return true;
  }
}
