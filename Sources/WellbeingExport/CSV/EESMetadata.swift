import WellbeingCore

/// The EES metadata file `indicators.meta.csv`: one line per filter and indicator column.
public enum EESMetadata {
    public static let columns = [
        "col_name", "col_type", "label", "indicator_grouping", "indicator_unit", "indicator_dp",
        "filter_hint", "filter_grouping_column",
    ]

    /// Metadata lines, in the order the columns appear in `indicators.csv`.
    public static let rows: [[String]] = [
        ["survey_wave", "Filter", "Survey wave", "", "", "",
         "Year and term of the survey, e.g. 2026AUT", ""],
        ["indicator_id", "Filter", "Indicator", "", "", "",
         "Catalogue id of the indicator (WB01–WB12, RESP); titles are in indicators.json", ""],
        ["sex", "Filter", "Sex", "", "", "", "Female, Male, Other, Unknown", ""],
        ["year_group", "Filter", "Year group", "", "", "", "National Curriculum year", ""],
        ["fsm_status", "Filter", "Free school meal eligibility", "", "", "", "Census free school meal flag", ""],
        ["sen_status", "Filter", "Special educational needs", "", "", "", "No SEN, SEN support, EHC plan", ""],
        ["ethnicity_major", "Filter", "Ethnicity (major group)", "", "", "", "DfE major ethnic group", ""],
        ["comparison_to_benchmark", "Filter", "Comparison to benchmark", "", "", "",
         "Schools compared with their LA; LAs and regions with England; 95% confidence intervals", ""],
        ["respondents", "Indicator", "Respondents", "Respondents", "", "0", "", ""],
        ["count", "Indicator", "Number of pupils", "Proportion", "", "0", "", ""],
        ["percent", "Indicator", "Percentage of pupils", "Proportion", "%", "1", "", ""],
        ["percent_lower_ci", "Indicator", "Percentage: lower 95% confidence limit (Wilson)", "Proportion", "%",
         "1", "", ""],
        ["percent_upper_ci", "Indicator", "Percentage: upper 95% confidence limit (Wilson)", "Proportion", "%",
         "1", "", ""],
        ["mean", "Indicator", "Mean score", "Mean", "", "2", "", ""],
        ["sd", "Indicator", "Standard deviation of scores", "Mean", "", "2", "", ""],
        ["mean_lower_ci", "Indicator", "Mean: lower 95% confidence limit (t)", "Mean", "", "2", "", ""],
        ["mean_upper_ci", "Indicator", "Mean: upper 95% confidence limit (t)", "Mean", "", "2", "", ""],
        ["response_rate", "Indicator", "Response rate (respondents ÷ pupils on roll)", "Respondents", "%", "1",
         "", ""],
    ]

    /// The whole file as text.
    public static var text: String {
        CSVField.line(columns) + rows.map(CSVField.line).joined()
    }
}
