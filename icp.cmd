@echo off
rem Runs the icp command line from this repository: icp.cmd score --rules ... --accounts ... --as-of ...
rem Builds it with the Maven wrapper the first time, and again whenever a source or pom.xml of the
rem modules it is made of is newer than the built jar. JAVA_OPTS adds JVM options (for example -Xmx2g).
setlocal
set "ROOT=%~dp0"
set "TARGET=%ROOT%icp-rules-cli\target"
set "STALE="
for /f "usebackq delims=" %%s in (`powershell -NoProfile -Command "$t='%TARGET%'; $jar=Get-ChildItem $t -Filter 'icp-rules-cli-*.jar' -ErrorAction SilentlyContinue ^| Where-Object { $_.Name -notmatch '-(sources|javadoc|tests)\.jar$' } ^| Select-Object -First 1; if (-not $jar -or -not (Test-Path (Join-Path $t 'lib'))) { 'stale' } else { $mods='icp-rules-api','icp-rules-drools','icp-rules-io','icp-rules-cases','icp-rules-evidence','icp-rules-cli'; $files=@(Get-Item '%ROOT%pom.xml'); foreach ($m in $mods) { $files += Get-Item ('%ROOT%' + $m + '\pom.xml'); $files += Get-ChildItem ('%ROOT%' + $m + '\src\main') -Recurse -File }; if ($files ^| Where-Object { $_.LastWriteTime -gt $jar.LastWriteTime }) { 'stale' } }"`) do set "STALE=%%s"
if defined STALE (
  echo icp: building the command line ^(mvnw package^)... 1>&2
  pushd "%ROOT%"
  call mvnw.cmd -B -q -ntp -pl icp-rules-cli -am package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true 1>&2
  if errorlevel 1 (
    popd
    echo icp: the build failed; see the messages above 1>&2
    exit /b 4
  )
  popd
  powershell -NoProfile -Command "Get-ChildItem '%TARGET%' -Filter 'icp-rules-cli-*.jar' ^| ForEach-Object { $_.LastWriteTime = Get-Date }"
)
for %%j in ("%TARGET%\icp-rules-cli-*.jar") do set "JAR=%%~fj"
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java"
"%JAVA_EXE%" %JAVA_OPTS% -cp "%JAR%;%TARGET%\lib\*" io.icprules.cli.IcpCommand %*
exit /b %ERRORLEVEL%
