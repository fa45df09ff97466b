package io.facegate.domain.usage;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link EndpointCategory} by its lowercase code, the value seed 000 shows. */
@Converter(autoApply = true)
public class EndpointCategoryConverter implements AttributeConverter<EndpointCategory, String> {

    @Override
    public String convertToDatabaseColumn(EndpointCategory category) {
        return category == null ? null : category.code();
    }

    @Override
    public EndpointCategory convertToEntityAttribute(String code) {
        return code == null ? null : EndpointCategory.fromCode(code)
                .orElseThrow(() -> new IllegalStateException("unknown endpoint category in the database: " + code));
    }
}
