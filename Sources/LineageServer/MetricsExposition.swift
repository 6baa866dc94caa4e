import CoreMetrics
import LineageStore
import Prometheus

/// `GET /metrics`: a store's instruments in the Prometheus text format.
///
/// The writer reports through swift-metrics (``LineageStore/StoreMetricName``); ``bootstrap()`` makes this
/// registry the process's metrics backend. The map and reader gauges are read from the store at each scrape.
public struct MetricsExposition: Sendable {
    /// The registry rendered.
    public let registry: PrometheusCollectorRegistry
    private let mapSize: Prometheus.Gauge
    private let mapUsed: Prometheus.Gauge
    private let readers: Prometheus.Gauge
    private let maxReaders: Prometheus.Gauge

    /// An exposition of `registry`, which the application's swift-metrics backend should write to.
    public init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
        func gauge(_ name: String, unit: String = "", _ help: String) -> Prometheus.Gauge {
            registry.makeGauge(
                descriptor: MetricNameDescriptor(namespace: "lineage", metricName: name, unitName: unit, helpText: help)
            )
        }
        mapSize = gauge("map_size", unit: "bytes", "The size of the store's memory map.")
        mapUsed = gauge("map_used", unit: "bytes", "The bytes of the map in use.")
        readers = gauge("readers", "Reader slots in use, across processes.")
        maxReaders = gauge("max_readers", "Reader slots available.")
    }

    /// Makes a new registry the process's swift-metrics backend, with histogram buckets that suit the
    /// store's instruments. Call once, before opening the store (instruments made earlier report nowhere).
    public static func bootstrap() -> MetricsExposition {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets[StoreMetricName.commitDuration] = [
            .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
            .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
            .seconds(1),
        ]
        let sizes: [Double] = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000]
        factory.valueHistogramBuckets[StoreMetricName.commitUpdates] = sizes
        factory.valueHistogramBuckets[StoreMetricName.commitRequests] = sizes
        MetricsSystem.bootstrap(factory)
        return MetricsExposition(registry: registry)
    }

    /// The registry in the Prometheus text format, with the map and reader gauges read from `store` now.
    public func render(for store: LineageStore) throws -> [UInt8] {
        let statistics = try store.statistics()
        mapSize.set(to: Double(statistics.mapBytes))
        mapUsed.set(to: Double(statistics.usedBytes))
        readers.set(to: Double(statistics.readers))
        maxReaders.set(to: Double(statistics.maxReaders))
        return registry.emitToBuffer()
    }
}
