import "reflect-metadata";

// @apollo/gateway otherwise runs cloud resource detectors (requests to cloud metadata addresses)
// and reports usage to Apollo when a gateway starts; tests send traffic to this machine only.
process.env.APOLLO_TELEMETRY_DISABLED = "true";
