package dev.clearguard.checker.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.SUGGESTION;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.bugpatterns.BugChecker;

/**
 * ClearGuard's {@link dev.clearguard.rules.IterateRemoveClear} rule as an Error Prone check of the
 * same name.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = dev.clearguard.rules.IterateRemoveClear.SUMMARY,
    severity = SUGGESTION,
    linkType = CUSTOM,
    tags = BugPattern.StandardTags.CONCURRENCY,
    link = ErrorProneChecks.DOCS + "IterateRemoveClear.md",
    // Suppression is ClearGuard's own, identical to the javac plugin's: see ClearGuardChecker.
    suppressionAnnotations = {})
public final class IterateRemoveClear extends ClearGuardChecker {}
