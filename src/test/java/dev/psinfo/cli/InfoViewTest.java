package dev.psinfo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.psinfo.jmx.SystemInfoMXBean;
import dev.psinfo.text.Printable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InfoViewTest {
  @Test
  void aHostileServersTextIsEscapedInTheInfoLines() {
    // a remote agent (or a host) may answer anything: OSC, 8-bit CSI/OSC, bidi override
    SystemInfoMXBean info = mock(SystemInfoMXBean.class);
    when(info.getHostname()).thenReturn("\u001b]0;PWN\u0007host");
    when(info.getOsName()).thenReturn("\u009b2J\u009d0;x");
    when(info.getCpuModel()).thenReturn("bidi\u202Egnp.exe");
    when(info.getOsVersion()).thenReturn("");
    when(info.getKernelVersion()).thenReturn("");
    when(info.getArchitecture()).thenReturn("");
    when(info.getCpuSource()).thenReturn("");
    when(info.getPlatform()).thenReturn(Map.of("k\u0007", "v\u202E"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    InfoView.text(new PrintStream(bytes, true, StandardCharsets.UTF_8), info, null);
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out.replace("\n", "").chars().filter(c -> Printable.isUnsafe((char) c))).isEmpty();
    assertThat(out)
        .contains("\\u001b]0;PWN\\u0007host")
        .contains("\\u009b2J\\u009d0;x")
        .contains("bidi\\u202egnp.exe")
        .containsPattern("Platform\\.k\\\\u0007 +v\\\\u202e");
  }
}
