package nl.herstel.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Violation paths as Hibernate Validator builds them, named as the client's JSON names them. */
class ProblemMapperFieldTest {

  record Node(String name, ElementKind kind, boolean inIterable, Integer index)
      implements Path.Node {
    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean isInIterable() {
      return inIterable;
    }

    @Override
    public Integer getIndex() {
      return index;
    }

    @Override
    public Object getKey() {
      return null;
    }

    @Override
    public ElementKind getKind() {
      return kind;
    }

    @Override
    public <T extends Path.Node> T as(Class<T> nodeType) {
      return nodeType.cast(this);
    }
  }

  private static Path path(Node... nodes) {
    List<Path.Node> list = List.of(nodes);
    return new Path() {
      @Override
      public Iterator<Path.Node> iterator() {
        return list.iterator();
      }
    };
  }

  private static Node property(String name) {
    return new Node(name, ElementKind.PROPERTY, false, null);
  }

  @Test
  void namesAPlainProperty() {
    assertThat(ProblemMapper.field(path(property("source")))).isEqualTo("source");
  }

  @Test
  void namesAPropertyOfAListElementByItsIndex() {
    assertThat(
            ProblemMapper.field(
                path(
                    property("restorations"),
                    new Node("restoredAt", ElementKind.PROPERTY, true, 0))))
        .isEqualTo("restorations[0].restoredAt");
  }

  @Test
  void namesAListElementByItsIndex() {
    assertThat(
            ProblemMapper.field(
                path(
                    property("assets"),
                    new Node("<list element>", ElementKind.CONTAINER_ELEMENT, true, 1))))
        .isEqualTo("assets[1]");
  }
}
