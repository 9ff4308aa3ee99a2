/// The software version named in every output's provenance and in `wellbeing --version`.
public enum SoftwareVersion {
    public static let current = "0.1.0"
}
