package io.icprules.drools.internal.compile;

import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which rules may skip the Java compiler: only those where the dialect cannot change a result. */
class EmptyConsequencesTest {

    private static final String DRL = """
            package icp.test;
            import io.icprules.fact.Account;
            import io.icprules.fact.Event;
            import io.icprules.fact.Contact;
            rule "Plain" when Account( employees >= 50 ) then end
            rule "Comment only" when Account( industry == "retail" ) then // nothing to do
              /* still nothing */
            end
            rule "Not exists forall or" when
              Account( ) and not Contact( role == "champion" ) and exists Event( type == "funding_round" )
              and forall( Contact( $r : role ) Contact( role == $r ) )
              and ( Account( country == "US" ) or Account( country == "DE" ) )
            then end
            rule "Code" when Account( ) then System.out.println("hello"); end
            rule "Eval" when Account( $i : industry ) eval( $i == null ) then end
            rule "From" when Account( $t : technologies ) String( this == "x" ) from $t then end
            rule "Accumulate" when $n : Number( ) from accumulate( Contact( ), count(1) ) then end
            rule "Chosen" dialect "java" when Account( ) then end
            """;

    @Test
    void marksOnlyRulesWithNothingToRunAndPlainPatterns() throws Exception {
        PackageDescr pkg = new DrlParser().parse(false, DRL);
        int marked = EmptyConsequences.markMvelWherePossible(pkg);

        Map<String, String> dialects = new LinkedHashMap<>();
        for (RuleDescr r : pkg.getRules()) {
            AttributeDescr d = r.getAttributes().get("dialect");
            dialects.put(r.getName(), d == null ? "(author's)" : d.getValue());
        }
        assertThat(dialects).containsExactly(
                Map.entry("Plain", "mvel"),
                Map.entry("Comment only", "mvel"),
                Map.entry("Not exists forall or", "mvel"),
                Map.entry("Code", "(author's)"),
                Map.entry("Eval", "(author's)"),
                Map.entry("From", "(author's)"),
                Map.entry("Accumulate", "(author's)"),
                Map.entry("Chosen", "java"));
        assertThat(marked).isEqualTo(3);
    }
}
