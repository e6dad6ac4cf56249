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

/** Bean Validation constraint for an IBAN (SEPA area, mod 97); the message says what is wrong with it. */
@Documented
@Constraint(validatedBy = ValidIban.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidIban {
    String message() default "identifier.iban.check-digits";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidIban, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                Iban.parse(value);
                return true;
            } catch (InvalidIdentifierException e) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("identifier." + e.code()).addConstraintViolation();
                return false;
            }
        }
    }
}
