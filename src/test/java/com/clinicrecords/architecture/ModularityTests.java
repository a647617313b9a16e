package com.clinicrecords.architecture;

import com.clinicrecords.ClinicRecordsApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The application modules as Spring Modulith sees them: every module only uses the API (base package or named
 * interfaces) of the modules its {@code package-info.java} allows, and there are no cycles. Also writes the module
 * documentation (C4 component diagram, one diagram and canvas per module): into {@code target/modules-docs} on
 * every build, and into the committed {@code docs/modules} with {@code -Dmodules.docs.update=true} (as the OpenAPI
 * document is refreshed), so a build leaves the working tree clean although Spring Modulith lists some items
 * (listened events) in no fixed order.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ClinicRecordsApplication.class);

    @Test
    void modulesRespectTheirDeclaredDependencies() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(
                        MODULES,
                        Documenter.Options.defaults()
                                .withOutputFolder(
                                        Boolean.getBoolean("modules.docs.update")
                                                ? "docs/modules"
                                                : "target/modules-docs"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
