"""Minimal RiskGrpc client: computes the metric catalogue of a short return series.

Generate the stubs first (from the repository root):
    python3 -m grpc_tools.protoc -I protos --python_out=examples/python/gen --grpc_python_out=examples/python/gen \
        protos/riskgrpc/v1/*.proto protos/google/api/*.proto protos/google/rpc/*.proto
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "gen"))

import grpc  # noqa: E402
from google.rpc import error_details_pb2, status_pb2  # noqa: E402
from riskgrpc.v1 import metrics_service_pb2, metrics_service_pb2_grpc  # noqa: E402

target = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:5051"
with grpc.insecure_channel(target) as channel:
    client = metrics_service_pb2_grpc.MetricsServiceStub(channel)
    response = client.ComputeMetrics(metrics_service_pb2.ComputeMetricsRequest(
        returns=[0.01, -0.02, 0.015, 0.003, -0.007, 0.012],
        benchmark=[0.008, -0.01, 0.01, 0.001, -0.004, 0.009],
        periods_per_year=252,
        confidence_levels=[0.95, 0.99],
    ))
    print("sharpe", response.metrics.sharpe)
    print("max_drawdown", response.metrics.max_drawdown)
    print("beta", response.relative.beta)
    for tail in response.tail_risk:
        print("var_historical@%.2f" % tail.confidence, tail.var_historical)

    # Errors carry a google.rpc.BadRequest naming the field and index.
    try:
        client.ComputeMetrics(metrics_service_pb2.ComputeMetricsRequest(returns=[0.01, float("inf")]))
    except grpc.RpcError as error:
        status = status_pb2.Status()
        for key, value in error.trailing_metadata():
            if key == "grpc-status-details-bin":
                status.ParseFromString(value)
        bad_request = error_details_pb2.BadRequest()
        status.details[0].Unpack(bad_request)
        print(error.code().name, bad_request.field_violations[0].field, "-", bad_request.field_violations[0].description)
