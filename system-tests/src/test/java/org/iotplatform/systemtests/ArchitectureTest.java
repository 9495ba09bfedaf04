package org.iotplatform.systemtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules that keep the modules apart: services meet only through the contracts module (Kafka topics
 * and documented REST APIs), no module reaches into another feature's {@code internal} package, and
 * no test uses JUnit 4.
 */
class ArchitectureTest {

  private static final String BASE = "org.iotplatform.";

  /**
   * Which other modules a module's main code may use, by root package below {@code
   * org.iotplatform}. Every module may use {@code contracts}; test code may also use the test
   * support and the embedded servers.
   */
  private static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("contracts", Set.of()),
          Map.entry("web", Set.of()),
          Map.entry("outbox", Set.of()),
          Map.entry("servers", Set.of()),
          Map.entry("testsupport", Set.of("servers")),
          Map.entry("bridge", Set.of()),
          Map.entry("flink", Set.of()),
          Map.entry("registry", Set.of("web", "outbox")),
          Map.entry("shadow", Set.of("web")),
          Map.entry("ota", Set.of("web")),
          Map.entry("alerts", Set.of("web", "outbox")),
          Map.entry("query", Set.of("web")),
          Map.entry("sdk", Set.of()),
          Map.entry("simulator", Set.of("sdk")),
          Map.entry("edge", Set.of("sdk", "web")),
          Map.entry("devstack", Set.of("servers", "bridge", "flink", "sdk", "simulator")));

  private static final Set<String> TEST_ONLY_ALLOWED = Set.of("testsupport", "servers");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = ModuleClasses.importAll();
  }

  @Test
  void everyModuleWithSourcesIsChecked() {
    for (var module : ModuleClasses.modulesWithSources()) {
      assertThat(classes.stream().map(JavaClass::getPackageName))
          .as("classes of %s", module.getFileName())
          .anyMatch(pkg -> pkg.startsWith(BASE));
    }
    assertThat(classes.stream().map(ArchitectureTest::moduleOf))
        .as("every root package has a rule")
        .allMatch(
            module ->
                module.isEmpty() || module.equals("systemtests") || ALLOWED.containsKey(module));
  }

  @Test
  void modulesMeetOnlyThroughTheContracts() {
    classes()
        .that()
        .resideInAPackage("org.iotplatform..")
        .should(useOnlyAllowedModules())
        .allowEmptyShould(false)
        .check(classes);
  }

  @Test
  void noClassReachesIntoAnotherFeaturesInternalPackage() {
    classes()
        .that()
        .resideInAPackage("org.iotplatform..")
        .should(respectInternalPackages())
        .check(classes);
  }

  @Test
  void noTestUsesJUnit4() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "junit..",
            "org.junit",
            "org.junit.runner..",
            "org.junit.rules..",
            "org.junit.runners..")
        .check(classes);
  }

  private static ArchCondition<JavaClass> useOnlyAllowedModules() {
    return new ArchCondition<>("use only the contracts and the modules allowed to them") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        String from = moduleOf(item);
        if (from.equals("systemtests")) {
          return;
        }
        boolean testCode = isTestCode(item);
        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
          String to = moduleOf(dependency.getTargetClass());
          boolean allowed =
              to.isEmpty()
                  || to.equals(from)
                  || to.equals("contracts")
                  || ALLOWED.getOrDefault(from, Set.of()).contains(to)
                  || (testCode && TEST_ONLY_ALLOWED.contains(to));
          if (!allowed) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  private static ArchCondition<JavaClass> respectInternalPackages() {
    return new ArchCondition<>("use another feature's internal package only from inside it") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
          String target = dependency.getTargetClass().getPackageName();
          int internal = target.indexOf(".internal");
          if (!target.startsWith(BASE) || internal < 0) {
            continue;
          }
          String owner = target.substring(0, internal);
          String source = item.getPackageName();
          if (!(source.equals(owner) || source.startsWith(owner + "."))) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  /** The module root package of a class below org.iotplatform, or "" for other classes. */
  private static String moduleOf(JavaClass javaClass) {
    String pkg = javaClass.getPackageName();
    if (!pkg.startsWith(BASE)) {
      return "";
    }
    int end = pkg.indexOf('.', BASE.length());
    return end < 0 ? pkg.substring(BASE.length()) : pkg.substring(BASE.length(), end);
  }

  private static boolean isTestCode(JavaClass javaClass) {
    return javaClass
        .getSource()
        .map(source -> source.getUri().toString().contains("/target/test-classes/"))
        .orElse(false);
  }
}
