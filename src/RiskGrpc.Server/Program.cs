using RiskGrpc.Server.Hosting;

// The content root is the binary's folder, so appsettings.json (the embedded defaults) is found whatever the
// working directory of `dotnet run` is. Kestrel endpoints come from the standard Kestrel configuration.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddRiskGrpcServer();

var app = builder.Build();
app.MapRiskGrpcServices();
app.Run();
