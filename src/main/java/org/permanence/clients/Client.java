package org.permanence.clients;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A business the secretaries answer for, with everything they need to do it its way. The id is
 * also the client's Camunda tenant id.
 */
public record Client(
        @NotBlank @Pattern(regexp = ID_PATTERN, message = "use 2 to 40 lower-case letters, digits or dashes, starting with a letter")
        String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = "fr|en", message = "must be fr or en") String language,
        @NotBlank String timeZone,
        @NotEmpty(message = "a client needs at least one phone line") List<@Valid @NotNull PhoneLine> phoneLines,
        @NotNull List<@Valid @NotNull OpeningHours> openingHours,
        @NotNull List<@Valid @NotNull AppointmentType> appointmentTypes,
        @NotNull @Valid Briefing briefing,
        @NotNull @Valid ContactRules contactRules,
        @NotNull List<@Valid @NotNull DocumentCategory> documentCategories,
        @NotNull @DecimalMin("0.0") @DecimalMax("1.0") BigDecimal classificationThreshold,
        @Size(max = 210) @Pattern(regexp = NAME_IN_SENTENCE_PATTERN, message = "starts with its article: le, la, l’ or les, e.g. le Cabinet du Dr Martin")
        String nameInSentence) {

    /** The name as a sentence carries it, article first, lower case: "le Cabinet du Dr Martin", "l'Étude Morel". */
    public static final String NAME_IN_SENTENCE_PATTERN = "(le |la |les |l'|l’)\\S.*";

    /**
     * The name with its article for a sentence ("avec le Cabinet du Dr Martin"); a client without one
     * set is named bare, which reads right for a person's name ("avec Marie Dupont").
     */
    public String theName() {
        return nameInSentence == null || nameInSentence.isBlank() ? name : nameInSentence;
    }

    public static final String ID_PATTERN = "[a-z][a-z0-9-]{1,39}";

    /** A number callers dial to reach this client; stored in E.164 form. */
    public record PhoneLine(@NotBlank String number, @NotBlank @Size(max = 200) String label) {
    }

    /** One opening range on a day, in the client's time zone; a day may have several (morning, afternoon). */
    public record OpeningHours(@NotNull DayOfWeek day, @NotNull LocalTime opens, @NotNull LocalTime closes) {
    }

    public record AppointmentType(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,39}", message = "use lower-case letters, digits or dashes") String code,
            @NotBlank @Size(max = 200) String name,
            @Min(5) @Max(480) int durationMinutes,
            @Min(0) @Max(240) int bufferBeforeMinutes,
            @Min(0) @Max(240) int bufferAfterMinutes,
            @Min(0) @Max(43200) int minimumNoticeMinutes) {
    }

    /** What the secretary reads before she picks up: how to greet, what is urgent, who may be put through. */
    public record Briefing(@NotBlank @Size(max = 1000) String greeting,
                           @NotBlank @Size(max = 2000) String urgentWhen,
                           @NotBlank @Size(max = 2000) String putThrough,
                           @Size(max = 4000) String notes) {
    }

    /** How and when the client wants to hear from us. */
    public record ContactRules(
            @NotBlank @Email String email,
            @NotBlank @Email String urgentEmail,
            @NotNull MessageDelivery messages,
            LocalTime dailySummaryAt,
            @Min(5) @Max(10080) int callBackWithinMinutes,
            @Min(1) @Max(1440) int urgentConfirmWithinMinutes,
            @NotNull List<@NotBlank String> notifyDocumentCategories) {
    }

    /** Messages go to the client at once, or together in one daily summary. */
    public enum MessageDelivery { IMMEDIATELY, DAILY_SUMMARY }

    public record DocumentCategory(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9_-]{0,39}", message = "use lower-case letters, digits, dashes or underscores") String code,
            @NotBlank @Size(max = 200) String name) {
    }
}
