package io.icprules.benchmarks.execmodel;

import io.icprules.drools.internal.compile.KieBaseAssembly;
import org.drools.ancompiler.KieBaseUpdaterANC;
import org.drools.codegen.common.GeneratedFile;
import org.drools.compiler.builder.impl.KnowledgeBuilderConfigurationImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.io.DescrResource;
import org.drools.model.Model;
import org.drools.model.codegen.execmodel.ModelBuilderImpl;
import org.drools.model.codegen.execmodel.PackageSources;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.io.Resource;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.memorycompiler.KieMemoryCompiler;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the knowledge base with Drools' executable model, in memory: the rule files (parsed,
 * checked and rewritten by the engine's compiler) become Java source (constraints as lambdas,
 * the rules as a model class), compiled by the Java compiler and turned into the rule network;
 * optionally the alpha network compiler then generates and compiles one class per fact type that
 * evaluates its alpha constraints inline.
 *
 * <p>What {@code KieBuilder.buildAll(ExecutableModelProject.class)} does for a kjar, without a
 * kjar: no {@code pom.xml}, release id or {@code KieContainer}, one knowledge base per build, like
 * the engine's own.
 */
public final class ExecutableModelAssembly implements KieBaseAssembly {

    /** The executable model alone. */
    public static final ExecutableModelAssembly EXECUTABLE_MODEL = new ExecutableModelAssembly(false);
    /** The executable model with the alpha network compiled in memory. */
    public static final ExecutableModelAssembly WITH_ALPHA_NETWORK_COMPILER = new ExecutableModelAssembly(true);

    private final boolean alphaNetworkCompiler;

    private ExecutableModelAssembly(boolean alphaNetworkCompiler) {
        this.alphaNetworkCompiler = alphaNetworkCompiler;
    }

    @Override
    public KnowledgeBuilder build(ClassLoader loader, List<Resource> files) {
        KnowledgeBuilderConfigurationImpl conf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, loader)
                .as(KnowledgeBuilderConfigurationImpl.KEY);
        // No release id: the generated package names get a random suffix, so two builds never share classes.
        ModelBuilderImpl<PackageSources> builder = new ModelBuilderImpl<>(PackageSources::dumpSources, conf, null, false);
        // The model is generated when a batch is built, not by adding files one at a time.
        CompositeKnowledgeBuilder batch = builder.batch();
        for (Resource file : files) {
            if (alphaNetworkCompiler && file instanceof DescrResource d && d.getDescr() instanceof PackageDescr pkg) {
                OneLineConstraints.apply(pkg); // see there: what the compiler's generated source needs
            }
            batch.add(file, file.getResourceType());
        }
        batch.build();
        return builder;
    }

    @Override
    public InternalKnowledgeBase assemble(KnowledgeBuilder builder) {
        @SuppressWarnings("unchecked")
        ModelBuilderImpl<PackageSources> model = (ModelBuilderImpl<PackageSources>) builder;
        List<GeneratedFile> files = new ArrayList<>();
        Set<String> modelClasses = new LinkedHashSet<>();
        for (PackageSources p : model.getPackageSources()) {
            p.collectGeneratedFiles(files);
            modelClasses.addAll(p.getModelNames());
        }
        Map<String, String> sources = new LinkedHashMap<>();
        for (GeneratedFile f : files) {
            String path = f.relativePath();
            if (path.endsWith(".java")) {
                sources.put(path.substring(0, path.length() - ".java".length()).replace('/', '.'),
                        new String(f.contents(), StandardCharsets.UTF_8));
            }
        }
        ClassLoader facts = model.getRootClassLoader();
        Map<String, Class<?>> classes = KieMemoryCompiler.compile(sources, facts);
        List<Model> models = new ArrayList<>();
        for (String name : modelClasses) {
            Class<?> c = classes.get(name);
            if (c == null) {
                throw new IllegalStateException("the executable model's class " + name + " was not compiled");
            }
            try {
                models.add((Model) c.getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot instantiate the executable model's class " + name, e);
            }
        }
        // The network's lambdas (and the alpha network compiler's code, which calls them) live in the
        // class loader the generated classes were loaded by.
        ClassLoader generated = models.isEmpty() ? facts : models.get(0).getClass().getClassLoader();
        InternalKnowledgeBase kieBase = KieBaseBuilder.createKieBaseFromModel(models,
                RuleBaseFactory.newKnowledgeBaseConfiguration(null, generated));
        if (alphaNetworkCompiler) {
            KieBaseUpdaterANC.generateAndSetInMemoryANC(kieBase);
        }
        return kieBase;
    }

    @Override
    public String toString() {
        return alphaNetworkCompiler ? "executable model + alpha network compiler" : "executable model";
    }
}
