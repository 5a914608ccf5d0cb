package dev.psinfo.probe.aix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real AIX samples in {@code testdata/aix} (system property {@code psinfo.testdata}). */
final class AixTestData {
  private AixTestData() {}

  static Path aixRoot() {
    return Path.of(System.getProperty("psinfo.testdata", "testdata")).resolve("aix");
  }

  static Path procRoot() {
    return aixRoot().resolve("proc");
  }

  /** The bytes of {@code proc/<relative>} in a heap buffer. */
  static ByteBuffer proc(String relative) throws IOException {
    return ByteBuffer.wrap(Files.readAllBytes(procRoot().resolve(relative)));
  }
}
