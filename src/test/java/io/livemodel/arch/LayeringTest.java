package io.livemodel.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of the server, held by the build: transports (http, bridge, ops) → crud → relation
 * (definitions, include) → stream/store → filter/model/auth → js/config, each layer using only the ones below it (and its own),
 * the bootstrap ({@code io.livemodel} itself) above them all, and no package cycles anywhere. Access
 * control (auth) sits with filter/model: the write path and the stream path both decide with it.
 */
@AnalyzeClasses(packages = "io.livemodel", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  @ArchTest
  static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
      .layer("Bootstrap").definedBy("io.livemodel")
      .layer("Cluster").definedBy("io.livemodel.cluster..")
      .layer("Transport").definedBy("io.livemodel.http..", "io.livemodel.bridge..", "io.livemodel.ops..")
      .layer("Crud").definedBy("io.livemodel.crud..")
      .layer("Relation").definedBy("io.livemodel.relation..")
      .layer("StreamStore").definedBy("io.livemodel.stream..", "io.livemodel.store..")
      .layer("FilterModel").definedBy("io.livemodel.filter..", "io.livemodel.model..", "io.livemodel.auth..")
      .layer("Base").definedBy("io.livemodel.js..", "io.livemodel.config..", "io.livemodel.limits..",
          "io.livemodel.log..")
      .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
      .whereLayer("Cluster").mayOnlyBeAccessedByLayers("Bootstrap")
      .whereLayer("Transport").mayOnlyBeAccessedByLayers("Bootstrap")
      .whereLayer("Crud").mayOnlyBeAccessedByLayers("Bootstrap", "Transport")
      .whereLayer("Relation").mayOnlyBeAccessedByLayers("Bootstrap", "Transport", "Crud")
      .whereLayer("StreamStore").mayOnlyBeAccessedByLayers("Bootstrap", "Transport", "Crud", "Relation")
      .whereLayer("FilterModel").mayOnlyBeAccessedByLayers("Bootstrap", "Transport", "Crud", "Relation",
          "StreamStore")
      .whereLayer("Base").mayOnlyBeAccessedByLayers("Bootstrap", "Cluster", "Transport", "Crud", "Relation",
          "StreamStore", "FilterModel");

  /** Every package belongs to a layer: a new package cannot escape the rule above unnoticed. */
  @ArchTest
  static final ArchRule everyPackageInALayer = classes().should().resideInAnyPackage("io.livemodel",
      "io.livemodel.cluster..", "io.livemodel.http..", "io.livemodel.bridge..", "io.livemodel.ops..",
      "io.livemodel.crud..", "io.livemodel.relation..", "io.livemodel.stream..", "io.livemodel.store..",
      "io.livemodel.filter..", "io.livemodel.model..", "io.livemodel.auth..", "io.livemodel.js..",
      "io.livemodel.config..", "io.livemodel.limits..", "io.livemodel.log..");

  /** Packages of one layer may use each other, but never in a circle. */
  @ArchTest
  static final ArchRule noCycles = slices().matching("io.livemodel.(**)").should().beFreeOfCycles();
}
