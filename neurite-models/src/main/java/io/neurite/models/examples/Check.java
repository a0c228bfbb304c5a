package io.neurite.models.examples;

/** One claim of the notes beside what Neurite computed, and whether they agree. */
public record Check(String what, String notes, String neurite, boolean agrees) {}
