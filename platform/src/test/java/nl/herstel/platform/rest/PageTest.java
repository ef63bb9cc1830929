package nl.herstel.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageTest {
  private static String cursor(String key) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aKeyOfSeveralPartsComesBackAsItsParts() {
    String key = Page.key(3600L, "Payroll", "p-1");
    assertThat(Page.after(cursor(key))).isEqualTo(key);
    List<Object> parts = Page.parse(key, 3, k -> List.of(Long.parseLong(k[0]), k[1], k[2]));
    assertThat(parts).containsExactly(3600L, "Payroll", "p-1");
  }

  @Test
  void aForgedCursorIsA400NamingCursorAndNeverReachesTheQuery() {
    assertThatThrownBy(() -> Page.after("not base64 !")).isInstanceOf(InvalidRequest.class);
    assertThatThrownBy(() -> Page.after(cursor("a\u0000b")))
        .isInstanceOf(InvalidRequest.class)
        .satisfies(
            e -> assertThat(((InvalidRequest) e).errors().get(0).field()).isEqualTo("cursor"));
    assertThatThrownBy(() -> Page.parse("x\u001fy", 3, k -> k)).isInstanceOf(InvalidRequest.class);
    assertThatThrownBy(() -> Page.parse("soon\u001fy", 2, k -> Long.parseLong(k[0])))
        .isInstanceOf(InvalidRequest.class);
    assertThatThrownBy(() -> Page.window(List.of(1, 2), "-1", 10))
        .isInstanceOf(InvalidRequest.class);
  }

  @Test
  void aWindowGivesLimitPlusOneRowsFromItsPositionAndNothingPastTheEnd() {
    List<Integer> all = IntStream.range(0, 7).boxed().toList();
    assertThat(Page.window(all, null, 3)).containsExactly(0, 1, 2, 3);
    assertThat(Page.window(all, "3", 3)).containsExactly(3, 4, 5, 6);
    assertThat(Page.window(all, "6", 3)).containsExactly(6);
    assertThat(Page.window(all, "99", 3)).isEmpty();
  }

  @Test
  void aWholeListIsOnePageWithItsTotalAndNoNext() {
    Page<String> page = Page.whole(List.of("a", "b"));
    assertThat(page.items()).containsExactly("a", "b");
    assertThat(page.next()).isNull();
    assertThat(page.total()).isEqualTo(2L);
  }
}
