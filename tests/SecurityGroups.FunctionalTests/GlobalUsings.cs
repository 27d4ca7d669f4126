global using System.Net;
global using SecurityGroups.FunctionalTests.Infrastructure;
