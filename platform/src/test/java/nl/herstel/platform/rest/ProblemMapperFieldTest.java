package nl.herstel.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How violation paths are named for the client. The node shapes are those Hibernate Validator
 * builds: an element's index sits on the node after its container.
 */
class ProblemMapperFieldTest {

  @Test
  void namesAPropertyOfTheRequestBody() {
    assertThat(ProblemMapper.field(path(param("request"), prop("name", false, null))))
        .isEqualTo("name");
  }

  @Test
  void namesAPropertyOfAnElementOfAList() {
    assertThat(
            ProblemMapper.field(
                path(param("request"), prop("scenarioCards", false, null), prop("steps", true, 0))))
        .isEqualTo("scenarioCards[0].steps");
  }

  @Test
  void namesAnElementOfAList() {
    assertThat(
            ProblemMapper.field(
                path(prop("coveredProcessIds", false, null), element("<list element>", 1))))
        .isEqualTo("coveredProcessIds[1]");
  }

  @Test
  void namesAnElementOfAListInsideAnElement() {
    assertThat(
            ProblemMapper.field(
                path(
                    prop("scenarioCards", false, null),
                    prop("steps", true, 2),
                    element("<list element>", 0))))
        .isEqualTo("scenarioCards[2].steps[0]");
  }

  @Test
  void namesTheParameterWhenNoPropertyIsAtFault() {
    assertThat(ProblemMapper.field(path(param("request")))).isEqualTo("request");
    assertThat(ProblemMapper.field(path())).isEqualTo("body");
  }

  private static Path.Node param(String name) {
    return node(ElementKind.PARAMETER, name, false, null);
  }

  private static Path.Node prop(String name, boolean inIterable, Integer index) {
    return node(ElementKind.PROPERTY, name, inIterable, index);
  }

  private static Path.Node element(String name, Integer index) {
    return node(ElementKind.CONTAINER_ELEMENT, name, true, index);
  }

  private static Path path(Path.Node... nodes) {
    return new Path() {
      @Override
      public Iterator<Node> iterator() {
        return List.of(nodes).iterator();
      }
    };
  }

  private static Path.Node node(ElementKind kind, String name, boolean inIterable, Integer index) {
    return new Path.Node() {
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
    };
  }
}
