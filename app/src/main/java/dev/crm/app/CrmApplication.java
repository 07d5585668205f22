package dev.crm.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The CRM server: command side, query side and their shared infrastructure in one process. Scheduling runs
 * the read model's housekeeping (folding the list counts' deltas).
 */
@SpringBootApplication(scanBasePackages = "dev.crm")
@EnableScheduling
public class CrmApplication {

    public static void main(String[] args) {
        SpringApplication.run(CrmApplication.class, args);
    }
}
