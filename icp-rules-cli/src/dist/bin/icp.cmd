@echo off
rem Runs the icp command from an unzipped distribution: bin\icp.cmd, with the jars in ..\lib.
rem JAVA_HOME, when set, names the Java 17+ to use; JAVA_OPTS adds JVM options (for example -Xmx2g).
setlocal
set "APP_HOME=%~dp0.."
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java"
"%JAVA_EXE%" %JAVA_OPTS% -cp "%APP_HOME%\lib\*" io.icprules.cli.IcpCommand %*
exit /b %ERRORLEVEL%
