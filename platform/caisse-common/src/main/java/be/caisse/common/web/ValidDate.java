package be.caisse.common.web;

import be.caisse.common.json.JsonShape;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * A date in a query parameter: {@code yyyy-MM-dd}, a real calendar day, within the API's window (1900-01-01 –
 * 2100-12-31). Declared, so that it is reported with the other wrong parameters of the request, all at once.
 */
@Documented
@Constraint(validatedBy = ValidDate.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidDate {
    String message() default "date-iso";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ValidDate, String> {
        private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String code;
            if (!value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                code = "type-date";
            } else {
                try {
                    LocalDate d = LocalDate.parse(value, STRICT);
                    if (!d.isBefore(JsonShape.EARLIEST_DATE) && !d.isAfter(JsonShape.LATEST_DATE)) {
                        return true;
                    }
                    code = "date-window-fixed";
                } catch (DateTimeParseException e) {
                    code = "date-invalid";
                }
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(code).addConstraintViolation();
            return false;
        }
    }
}
