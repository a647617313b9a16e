package com.clinicrecords.architecture;

import com.clinicrecords.ClinicRecordsApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The application modules as Spring Modulith sees them: every module only uses the API (base package or named
 * interfaces) of the modules its {@code package-info.java} allows, and there are no cycles. Also writes the module
 * documentation (C4 component diagram, one diagram and canvas per module) into {@code docs/modules}.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ClinicRecordsApplication.class);

    @Test
    void modulesRespectTheirDeclaredDependencies() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
