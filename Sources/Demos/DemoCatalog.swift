/// Every demo of this build, by id. New demos are added to `all`.
public enum DemoCatalog {
    /// The demo types, in the order of ROADMAP.md.
    public static var all: [any Demo.Type] {
        [
            GradientDescentDemo.self,
            NormalizeDemo.self,
            ClassifyDemo.self,
            LinearRegressionDemo.self,
            KMeansDemo.self,
            KFoldDemo.self,
            BootstrapDemo.self,
            MetricsDemo.self,
            PerceptronDemo.self,
            MLPDemo.self,
            ActivationsDemo.self,
            OptimizersDemo.self,
        ]
    }

    public static var ids: [String] { all.map { $0.id } }

    public static func type(for id: String) -> (any Demo.Type)? {
        all.first { $0.id == id }
    }

    /// Creates a demo from `name=value` settings, validating every one.
    public static func make(_ id: String, settings: [(String, String)] = [], seed: UInt64 = 1) throws -> any Demo {
        guard let type = type(for: id) else { throw DemoError.unknownDemo(id, valid: ids) }
        let knobs = try KnobSettings(knobs: type.knobs, demoID: id, settings: settings)
        return try type.init(settings: knobs, seed: seed)
    }
}
