package org.vnpress;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints one line at the end of a test run that skipped tests for want of {@code ../shared}
 * (registered in {@code META-INF/services}): a clone from the public repository sees how much was
 * not run, and why.
 */
public final class SharedSkips implements TestExecutionListener {

  private final AtomicInteger tests = new AtomicInteger();
  private final AtomicInteger classes = new AtomicInteger();

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED
        && result
            .getThrowable()
            .map(t -> String.valueOf(t.getMessage()))
            .orElse("")
            .contains(Fixtures.NEEDS_SHARED)) {
      (id.isTest() ? tests : classes).incrementAndGet();
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    if (tests.get() + classes.get() > 0) {
      System.out.printf(
          "[vnpress] skipped for missing corpora: %d tests and %d test classes read"
              + " non-redistributable data from ../shared, which is not beside this clone"
              + " (CI runs them with -Dvnpress.sharedTests=required)%n",
          tests.get(), classes.get());
    }
  }
}
