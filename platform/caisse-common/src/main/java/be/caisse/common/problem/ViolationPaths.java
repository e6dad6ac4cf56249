package be.caisse.common.problem;

import be.caisse.common.domain.Issue;
import be.caisse.common.i18n.Text;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Bean Validation violations as the API reports them: the field as a form knows it ({@code address.postalCode},
 * {@code quarters[1]}, a query parameter's own name), a stable code and a message key.
 *
 * <p>The code comes from the constraint's {@code message} when it is written as a code ({@code message = "quarter"}
 * → code {@code quarter}, text {@code field.quarter}), else from the constraint itself: {@code @NotNull} and
 * {@code @NotBlank} → {@code required}, {@code @Size} → {@code size-max} or {@code size-between}, {@code @Min} →
 * {@code min}, {@code @Digits} → {@code digits}, {@code @Pattern} → {@code format}.
 */
public final class ViolationPaths {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9.-]*");

    private ViolationPaths() {
    }

    /** The field of a violation: below the body parameter, or the name of a path or query parameter. */
    public static String path(ConstraintViolation<?> violation) {
        StringBuilder property = new StringBuilder();
        String parameter = null;
        boolean bodyParameter = false;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                }
                case PARAMETER -> {
                    parameter = node.getName();
                    bodyParameter = isBody(violation, node);
                    property.setLength(0);
                }
                default -> {
                    if (node.isInIterable()) {
                        if (node.getIndex() != null) {
                            property.append('[').append(node.getIndex()).append(']');
                        } else if (node.getKey() != null) {
                            property.append('.').append(node.getKey());
                        }
                    }
                    String name = node.getName();
                    if (name != null && !name.startsWith("<") && node.getKind() != jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                        if (property.length() > 0) {
                            property.append('.');
                        }
                        property.append(name);
                    }
                }
            }
        }
        if (property.length() > 0) {
            return property.toString();
        }
        if (bodyParameter) {
            return null; // the body as a whole (missing)
        }
        return parameter;
    }

    /** A parameter without @PathParam, @QueryParam, @HeaderParam, @BeanParam… is the request body. */
    private static boolean isBody(ConstraintViolation<?> violation, Path.Node node) {
        if (!(node instanceof Path.ParameterNode p) || violation.getRootBeanClass() == null) {
            return false;
        }
        String methodName = null;
        for (Path.Node n : violation.getPropertyPath()) {
            if (n.getKind() == jakarta.validation.ElementKind.METHOD) {
                methodName = n.getName();
            }
        }
        // the root bean may be a generated subclass whose methods carry no annotations: look up the hierarchy
        for (Class<?> c = violation.getRootBeanClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(methodName) && m.getParameterCount() > p.getParameterIndex() && !m.isSynthetic()) {
                    Parameter parameter = m.getParameters()[p.getParameterIndex()];
                    if (parameter.getAnnotations().length == 0 && !isResourceMethod(m)) {
                        continue; // an override without the JAX-RS annotations
                    }
                    for (Annotation a : parameter.getAnnotations()) {
                        String type = a.annotationType().getName();
                        if (type.startsWith("jakarta.ws.rs.") && type.endsWith("Param") || type.endsWith(".Context")
                                || type.startsWith("org.jboss.resteasy.reactive.Rest")) {
                            return false;
                        }
                    }
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isResourceMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            if (a.annotationType().getName().startsWith("jakarta.ws.rs.")) {
                return true;
            }
        }
        return false;
    }

    /** The issue of a violation on the given field. */
    public static Issue issue(ConstraintViolation<?> violation, String field) {
        ConstraintDescriptor<?> d = violation.getConstraintDescriptor();
        String template = violation.getMessageTemplate();
        Map<String, Object> attributes = d.getAttributes();
        String annotation = d.getAnnotation().annotationType().getSimpleName();
        if (template != null && template.startsWith("identifier.")) {
            return new Issue(field, template.substring("identifier.".length()), Text.of(template));
        }
        if (template != null && CODE.matcher(template).matches()) {
            return new Issue(field, template, Text.of("field." + template, attributeArgs(annotation, attributes)));
        }
        String code = switch (annotation) {
            case "NotNull", "NotBlank", "NotEmpty" -> field == null ? "body-required" : "required";
            case "Size" -> ((Integer) attributes.get("min")) > 0 ? "size-between" : "size-max";
            case "Min", "DecimalMin" -> "min";
            case "Max", "DecimalMax" -> "max";
            case "Digits" -> "digits";
            case "Pattern" -> "format";
            case "Email" -> "email";
            case "Past", "PastOrPresent" -> "past";
            case "Future", "FutureOrPresent" -> "future";
            case "Positive", "PositiveOrZero" -> "positive";
            default -> "invalid";
        };
        return new Issue(field, code, Text.of("field." + code, attributeArgs(annotation, attributes)));
    }

    /** The constraint's figures, in a fixed order, as the texts' {0}, {1}. */
    private static Object[] attributeArgs(String annotation, Map<String, Object> a) {
        return switch (annotation) {
            case "Size" -> new Object[]{a.get("min"), a.get("max")};
            case "Min", "Max", "DecimalMin", "DecimalMax" -> new Object[]{a.get("value")};
            case "Digits" -> new Object[]{a.get("integer"), a.get("fraction")};
            default -> new Object[0];
        };
    }
}
