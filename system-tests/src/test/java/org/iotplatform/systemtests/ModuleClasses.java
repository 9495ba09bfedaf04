package org.iotplatform.systemtests;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The compiled classes of every module of the build, main and test, read from the modules' {@code
 * target} folders. The system tests run last in the reactor, so every module is compiled by then.
 */
final class ModuleClasses {

  private ModuleClasses() {}

  /** Modules with Java sources, found as siblings of this module. */
  static List<Path> modulesWithSources() {
    Path root = Path.of("").toAbsolutePath().getParent();
    try (Stream<Path> children = Files.list(root)) {
      return children
          .filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
          .filter(dir -> Files.isDirectory(dir.resolve("src/main/java")))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Main and test classes of every module. */
  static JavaClasses importAll() {
    List<Path> folders = new ArrayList<>();
    for (Path module : modulesWithSources()) {
      Path main = module.resolve("target/classes");
      if (!Files.isDirectory(main)) {
        throw new IllegalStateException(
            module.getFileName() + " has sources but no compiled classes: build the whole reactor");
      }
      folders.add(main);
      Path test = module.resolve("target/test-classes");
      if (Files.isDirectory(test)) {
        folders.add(test);
      }
    }
    folders.add(Path.of("target/test-classes").toAbsolutePath());
    return new ClassFileImporter().importPaths(folders);
  }
}
