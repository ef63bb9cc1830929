package nl.herstel.devstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The last lines of a log file, for error messages. */
final class LogTail {
  private LogTail() {}

  static String of(Path file, int lines) {
    if (file == null || !Files.isRegularFile(file)) {
      return "(no log at " + file + ")";
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long len = raf.length();
      long from = Math.max(0, len - 64 * 1024);
      byte[] buf = new byte[(int) (len - from)];
      raf.seek(from);
      raf.readFully(buf);
      String[] all = new String(buf, StandardCharsets.UTF_8).split("\r?\n");
      int start = Math.max(0, all.length - lines);
      StringBuilder sb = new StringBuilder("--- last lines of ").append(file).append(" ---\n");
      for (int i = start; i < all.length; i++) {
        sb.append(all[i]).append('\n');
      }
      return sb.toString();
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }
}
