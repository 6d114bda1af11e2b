global using System.Globalization;
global using Microsoft.AspNetCore.Builder;
global using Microsoft.Extensions.Configuration.Memory;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Logging;
global using RiskGrpc.TestUtils;
