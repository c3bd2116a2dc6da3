package dev.kubeclient.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module arrows of DESIGN.md and the house rules that a compiler does not check, as tests.
 *
 * <p>Maven's dependency graph already keeps a lower module from compiling against a higher one;
 * these rules add what Maven cannot see: use of another module's {@code internal} packages,
 * internal types leaking into public signatures, logging and stdout rules, and null-marking.
 */
class ArchitectureTest {
  /** Library modules, lowest first. */
  private static final List<String> LIBRARY =
      List.of(
          "dev.kubeclient.core",
          "dev.kubeclient.rest",
          "dev.kubeclient.typed",
          "dev.kubeclient.dynamic",
          "dev.kubeclient.discovery",
          "dev.kubeclient.informers");

  /**
   * Internal packages that other modules may use, like a qualified export in module-info. Core's
   * preconditions helper is shared by every module so that argument checks read the same way.
   */
  private static final Set<String> SHARED_INTERNAL_PACKAGES =
      Set.of("dev.kubeclient.core.internal");

  /**
   * The declared sideways arrows. The typed ClientSet hands out a DiscoveryClient, as client-go's
   * Clientset embeds one. The dynamic module's manifest applier maps each document's kind to its
   * resource through discovery's RESTMapper (as kubectl's resource builder combines the two); the
   * arrow points from dynamic to discovery rather than the other way so that typed, which already
   * uses discovery, does not pull in the dynamic client, and so that discovery stays free of any
   * client of objects. Discovery itself must use neither the typed nor the dynamic clients.
   */
  private static final Set<String> ALLOWED_SIDEWAYS =
      Set.of(
          "dev.kubeclient.typed -> dev.kubeclient.discovery",
          "dev.kubeclient.dynamic -> dev.kubeclient.discovery");

  private static JavaClasses library;
  private static JavaClasses all;

  @BeforeAll
  static void importClasses() {
    ClassFileImporter importer =
        new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
    all = importer.importPackages("dev.kubeclient");
    library = all.that(inLibraryModule());
  }

  @Test
  void libraryModules_doNotDependOnTestingOrExamples() {
    noClasses()
        .that(inLibraryModule())
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.kubeclient.testing..", "dev.kubeclient.examples..")
        .allowEmptyShould(true)
        .check(library);
  }

  @Test
  void moduleLayers_followDesignArrows() {
    noClasses()
        .that()
        .resideInAPackage("dev.kubeclient.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(upperModules("dev.kubeclient.core"))
        .allowEmptyShould(true)
        .check(library);
    noClasses()
        .that()
        .resideInAPackage("dev.kubeclient.rest..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(upperModules("dev.kubeclient.rest"))
        .allowEmptyShould(true)
        .check(library);
    for (String side :
        List.of("dev.kubeclient.typed", "dev.kubeclient.dynamic", "dev.kubeclient.discovery")) {
      List<String> others = new ArrayList<>();
      for (String other :
          List.of(
              "dev.kubeclient.typed",
              "dev.kubeclient.dynamic",
              "dev.kubeclient.discovery",
              "dev.kubeclient.informers")) {
        if (!other.equals(side) && !ALLOWED_SIDEWAYS.contains(side + " -> " + other)) {
          others.add(other + "..");
        }
      }
      noClasses()
          .that()
          .resideInAPackage(side + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others.toArray(String[]::new))
          .allowEmptyShould(true)
          .check(library);
    }
  }

  @Test
  void internalPackages_areUsedOnlyInsideTheirModule() {
    classes()
        .should(useOnlyOwnModuleInternals())
        .allowEmptyShould(true)
        .check(all.that(inPublishedModule()));
  }

  @Test
  void publicApi_doesNotExposeInternalTypes() {
    classes()
        .that(inApiPackage())
        .and()
        .arePublic()
        .should(notExposeInternalTypes())
        .allowEmptyShould(true)
        .check(library);
  }

  /**
   * Command-line entry points print to the console by design: the standalone embedded server prints
   * the path of its kubeconfig for other programs to read.
   */
  private static final Set<String> CONSOLE_PROGRAMS =
      Set.of("dev.kubeclient.testing.EmbeddedApiServerMain");

  @Test
  void libraryModules_doNotWriteToStandardStreamsOrUseJul() {
    noClasses()
        .that(inPublishedModule())
        .and(
            DescribedPredicate.describe(
                "are not command-line programs", c -> !CONSOLE_PROGRAMS.contains(c.getName())))
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("java.util.logging..")
        .orShould()
        .callMethod(Throwable.class, "printStackTrace")
        .check(all);
  }

  @Test
  void everyLibraryPackage_isNullMarked() {
    Set<String> unmarked = new TreeSet<>();
    for (JavaClass c : all.that(inPublishedModule())) {
      JavaPackage p = c.getPackage();
      if (!p.isAnnotatedWith(NullMarked.class)) {
        unmarked.add(p.getName());
      }
    }
    org.assertj.core.api.Assertions.assertThat(unmarked)
        .as("packages without a @NullMarked package-info")
        .isEmpty();
  }

  /**
   * Examples are what users copy: they show the public API only, never an internal package (not
   * even core's shared one, which is internal to the library).
   */
  @Test
  void examples_useNoInternalPackage() {
    noClasses()
        .that()
        .resideInAPackage("dev.kubeclient.examples..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.kubeclient..internal..")
        .check(all);
  }

  @Test
  void noClass_isNamedImpl() {
    noClasses().should().haveSimpleNameEndingWith("Impl").check(all);
  }

  private static String[] upperModules(String module) {
    int i = LIBRARY.indexOf(module);
    List<String> upper = new ArrayList<>();
    for (String m : LIBRARY.subList(i + 1, LIBRARY.size())) {
      upper.add(m + "..");
    }
    return upper.toArray(String[]::new);
  }

  private static String moduleOf(String packageName) {
    String[] parts = packageName.split("\\.");
    return parts.length >= 3 ? parts[0] + "." + parts[1] + "." + parts[2] : packageName;
  }

  private static boolean isInternal(String packageName) {
    return packageName.contains(".internal");
  }

  private static DescribedPredicate<JavaClass> inLibraryModule() {
    return DescribedPredicate.describe(
        "in a library module", c -> LIBRARY.contains(moduleOf(c.getPackageName())));
  }

  private static DescribedPredicate<JavaClass> inPublishedModule() {
    return DescribedPredicate.describe(
        "in a published module",
        c ->
            LIBRARY.contains(moduleOf(c.getPackageName()))
                || moduleOf(c.getPackageName()).equals("dev.kubeclient.testing"));
  }

  private static DescribedPredicate<JavaClass> inApiPackage() {
    return DescribedPredicate.describe("in an API package", c -> !isInternal(c.getPackageName()));
  }

  private static ArchCondition<JavaClass> useOnlyOwnModuleInternals() {
    return new ArchCondition<>("use internal packages of their own module only") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        String module = moduleOf(c.getPackageName());
        c.getDirectDependenciesFromSelf()
            .forEach(
                d -> {
                  String target = d.getTargetClass().getPackageName();
                  if (target.startsWith("dev.kubeclient.")
                      && isInternal(target)
                      && !moduleOf(target).equals(module)
                      && !SHARED_INTERNAL_PACKAGES.contains(target)) {
                    events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                  }
                });
      }
    };
  }

  private static ArchCondition<JavaClass> notExposeInternalTypes() {
    return new ArchCondition<>("not mention internal types in public signatures") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        for (JavaMethod m : c.getMethods()) {
          if (!m.getModifiers().contains(JavaModifier.PUBLIC)) {
            continue;
          }
          List<JavaClass> types = new ArrayList<>(m.getRawParameterTypes());
          types.add(m.getRawReturnType());
          for (JavaClass t : types) {
            if (t.getPackageName().startsWith("dev.kubeclient.")
                && isInternal(t.getPackageName())) {
              events.add(
                  SimpleConditionEvent.violated(
                      m, m.getFullName() + " exposes internal type " + t.getName()));
            }
          }
        }
      }
    };
  }
}
