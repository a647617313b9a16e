package com.clinicrecords.imaging.domain;

import com.clinicrecords.imaging.persistence.ImageStorage;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Uploads clean up after themselves, but a process killed mid-upload cannot: this removes temporary objects
 * older than {@code clinic.imaging.temp-max-age} (long enough for the slowest real upload). Safe with several
 * instances: deleting is idempotent, and only one instance sweeps at a time (ShedLock).
 */
@Component
class TempObjectSweeper {

    private static final Logger log = LoggerFactory.getLogger(TempObjectSweeper.class);

    private final ImageStorage storage;
    private final Clock clock;
    private final Duration maxAge;

    TempObjectSweeper(ImageStorage storage, Clock clock, ImagingProperties props) {
        this.storage = storage;
        this.clock = clock;
        this.maxAge = props.tempMaxAge();
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    @SchedulerLock(name = "imaging-temp-sweep", lockAtMostFor = "PT30M")
    void sweep() {
        try {
            int removed = storage.sweepTemp(clock.instant().minus(maxAge));
            if (removed > 0) {
                log.info("Removed {} abandoned temporary upload objects", removed);
            }
        } catch (RuntimeException e) {
            log.warn("Sweeping temporary upload objects failed: {}", e.toString());
        }
    }
}
