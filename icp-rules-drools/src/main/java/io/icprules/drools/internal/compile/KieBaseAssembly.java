package io.icprules.drools.internal.compile;

import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.io.Resource;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;

import java.util.List;

/**
 * How {@link RulesetCompiler} turns a ruleset's rule files, once parsed, checked and rewritten, into
 * a knowledge base: which Drools builder reads them (and reports their errors), and how its output
 * becomes the knowledge base the sessions are made from.
 *
 * <p>The engine uses {@link #STANDARD}. The benchmarks measure other ways of building (Drools'
 * executable model, its alpha network compiler) through this interface, so that they compile the
 * same rules with the same checks and rewrites as the engine does.
 */
public interface KieBaseAssembly {

    /**
     * Drools' standard build: constraints analysed and evaluated by MVEL, consequences compiled
     * only where a rule has one (see {@code EmptyConsequences}). What the engine ships with.
     */
    KieBaseAssembly STANDARD = new KieBaseAssembly() {
        @Override
        public KnowledgeBuilder build(ClassLoader loader, List<Resource> files) {
            KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                    KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, loader));
            for (Resource file : files) {
                builder.add(file, file.getResourceType());
            }
            return builder;
        }

        @Override
        public InternalKnowledgeBase assemble(KnowledgeBuilder builder) {
            InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
            kieBase.addPackages(builder.getKnowledgePackages());
            return kieBase;
        }

        @Override
        public String toString() {
            return "standard";
        }
    };

    /**
     * Builds the rule files with a new builder.
     *
     * @param loader the class loader the rules' fact classes and helper calls are found in
     * @param files  the rule files in file-name order, each with its resource type (parsed
     *               {@code DESCR}, or {@code DRL} text when it does not parse)
     * @return the builder, from which the compiler reads the errors and warnings
     */
    KnowledgeBuilder build(ClassLoader loader, List<Resource> files);

    /**
     * Called only when the builder reported no error.
     *
     * @param builder the builder {@link #build} returned
     * @return a new knowledge base holding the rules, with no session yet
     */
    InternalKnowledgeBase assemble(KnowledgeBuilder builder);
}
