package io.facegate.identification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** 1:N identification's settings ({@code FACEGATE_IDENTIFICATION_*} in the environment). */
@ApplicationScoped
public class IdentificationSettings {

    /** Two candidates this close to each other are reported as ambiguous rather than guessed between. */
    @Inject
    @ConfigProperty(name = "facegate.identification.ambiguity-margin", defaultValue = "0.05")
    double ambiguityMargin;

    /** Gallery size from which compact codes replace float templates (docs/benchmarks/identification.md). */
    @Inject
    @ConfigProperty(name = "facegate.identification.compact-from", defaultValue = "" + GalleryIndex.DEFAULT_COMPACT_FROM)
    int compactFrom;

    /** Accepted probability that someone not enrolled matches anyone, whatever the gallery's size. */
    @Inject
    @ConfigProperty(name = "facegate.identification.false-match-rate", defaultValue = "" + FalseMatchPolicy.DEFAULT_RATE)
    double falseMatchRate;

    public double ambiguityMargin() {
        return ambiguityMargin;
    }

    public int compactFrom() {
        return compactFrom;
    }

    public FalseMatchPolicy falseMatchPolicy() {
        return new FalseMatchPolicy(falseMatchRate);
    }
}
