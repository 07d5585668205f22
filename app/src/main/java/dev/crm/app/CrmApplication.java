package dev.crm.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The CRM server: command side, query side and their shared infrastructure in one process. */
@SpringBootApplication(scanBasePackages = "dev.crm")
public class CrmApplication {

    public static void main(String[] args) {
        SpringApplication.run(CrmApplication.class, args);
    }
}
