package stereotype;

import java.lang.annotation.*;

/** Stand-in for the Spring annotation of the same name. */
@Retention(RetentionPolicy.RUNTIME)
public @interface Service {}
