package be.caisse.common.identifiers;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Bean Validation constraint for a NISS field or path parameter; the message says what is wrong with the number. */
@Documented
@Constraint(validatedBy = ValidNiss.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidNiss {
    String message() default "identifier.niss.invalid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidNiss, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true; // @NotNull says "missing"; this one speaks only of a wrong number
            }
            try {
                Niss.parse(value);
                return true;
            } catch (InvalidIdentifierException e) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("identifier." + e.code()).addConstraintViolation();
                return false;
            }
        }
    }
}
