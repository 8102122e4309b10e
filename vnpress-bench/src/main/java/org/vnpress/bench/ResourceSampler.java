package org.vnpress.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples used heap and resident set size every 20 ms on a daemon thread and keeps the peaks: the
 * JVM's own peak counters cannot be reset between two phases of one run.
 */
final class ResourceSampler implements AutoCloseable {

  private static final Path STATUS = Path.of("/proc/self/status");

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long peakHeap;
  private volatile long peakRss;

  ResourceSampler() {
    sample();
    thread = new Thread(this::loop, "bench-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      sample();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sample() {
    long h = memory.getHeapMemoryUsage().getUsed();
    if (h > peakHeap) {
      peakHeap = h;
    }
    long r = rssBytes();
    if (r > peakRss) {
      peakRss = r;
    }
  }

  /** Current resident set size, or 0 where /proc is not there. */
  static long rssBytes() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  double peakHeapMb() {
    return peakHeap / 1048576.0;
  }

  double peakRssMb() {
    return peakRss / 1048576.0;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    sample();
  }
}
