package io.neurite.train;

/** When the {@link Trainer} steps a learning-rate schedule: after every optimizer step, or after every epoch. */
public enum ScheduleStep {
    /** After each optimizer step (OneCycleLR, CyclicLR, warm-up schedules). */
    PER_BATCH,
    /** After each epoch (StepLR, CosineAnnealingLR, ...). */
    PER_EPOCH
}
