package dev.psinfo.io;

import java.nio.file.FileSystemException;

/** A file longer than the limit its reader allows; nothing of it was kept. */
public final class FileTooLargeException extends FileSystemException {
  private static final long serialVersionUID = 1L;

  private final long maxBytes;

  FileTooLargeException(String file, long maxBytes) {
    super(file, null, "longer than the " + maxBytes + " bytes read at most");
    this.maxBytes = maxBytes;
  }

  /** The limit the file exceeded, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }
}
