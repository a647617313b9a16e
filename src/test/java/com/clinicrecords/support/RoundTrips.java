package com.clinicrecords.support;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.slf4j.MDC;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the database round trips of single API requests. The application's DataSource is wrapped in a
 * datasource-proxy that records, for requests whose {@code X-Request-Id} starts with {@link #PREFIX} only,
 * every statement execution and every JDBC call that makes the driver talk to the server: commit, rollback,
 * and changes of auto-commit, read-only or isolation (both MariaDB Connector/J and MySQL Connector/J send a
 * {@code SET ...} for a change and nothing when the value is unchanged). Events are keyed by the request id
 * that {@code RequestIdFilter} puts in the logging context, so background jobs never pollute a count.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RoundTrips {

    /** Request ids with this prefix are recorded; all other traffic passes through untouched. */
    public static final String PREFIX = "roundtrips-";

    private static final String MDC_KEY = "requestId";
    private static final Map<String, Queue<Event>> EVENTS = new ConcurrentHashMap<>();

    @Bean
    static BeanPostProcessor roundTripCountingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource ds && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
                    return ProxyDataSourceBuilder.create(ds)
                            .name("round-trips")
                            .listener(new Statements())
                            .methodListener(new ConnectionCalls())
                            .build();
                }
                return bean;
            }
        };
    }

    /** Everything recorded for one request, in order. */
    public static List<Event> of(String requestId) {
        Queue<Event> events = EVENTS.remove(requestId);
        return events == null ? List.of() : new ArrayList<>(events);
    }

    /**
     * One round trip: a statement (its SQL and the parameters of its first execution) or a transaction/session
     * call, on a pooled connection.
     */
    public record Event(String connectionId, Kind kind, String sql, List<Object> parameters) {
        @Override
        public String toString() {
            return "[conn " + connectionId + "] " + (kind == Kind.STATEMENT ? sql : kind.name());
        }
    }

    public enum Kind {
        STATEMENT,
        BEGIN,
        AUTOCOMMIT_ON,
        COMMIT,
        ROLLBACK,
        READ_ONLY_CHANGE,
        ISOLATION_CHANGE
    }

    /**
     * The round trips that the audit trail's own transaction adds around an audit insert (begin, commit,
     * restore auto-commit) when the insert runs in a transaction of its own. The insert itself is not included.
     */
    public static int auditTransactionOverhead(List<Event> events) {
        Map<String, List<Event>> open = new ConcurrentHashMap<>();
        int overhead = 0;
        for (Event e : events) {
            switch (e.kind()) {
                case BEGIN -> open.put(e.connectionId(), new ArrayList<>(List.of(e)));
                case COMMIT, ROLLBACK, AUTOCOMMIT_ON -> {
                    List<Event> tx = open.get(e.connectionId());
                    if (tx != null) {
                        tx.add(e);
                        if (e.kind() == Kind.AUTOCOMMIT_ON) {
                            open.remove(e.connectionId());
                            boolean onlyAudit = tx.stream()
                                    .filter(t -> t.kind() == Kind.STATEMENT)
                                    .allMatch(t ->
                                            t.sql().toLowerCase(Locale.ROOT).startsWith("insert into audit_events"));
                            if (onlyAudit) {
                                overhead += (int) tx.stream()
                                        .filter(t -> t.kind() != Kind.STATEMENT)
                                        .count();
                            }
                        }
                    }
                }
                default -> {
                    List<Event> tx = open.get(e.connectionId());
                    if (tx != null) {
                        tx.add(e);
                    }
                }
            }
        }
        return overhead;
    }

    private static void record(String connectionId, Kind kind, String sql) {
        record(connectionId, kind, sql, List.of());
    }

    private static void record(String connectionId, Kind kind, String sql, List<Object> parameters) {
        String requestId = MDC.get(MDC_KEY);
        if (requestId != null && requestId.startsWith(PREFIX)) {
            EVENTS.computeIfAbsent(requestId, k -> new ConcurrentLinkedQueue<>())
                    .add(new Event(connectionId, kind, sql, parameters));
        }
    }

    private static final class Statements implements QueryExecutionListener {
        @Override
        public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {}

        @Override
        public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            String sql = queryInfoList.isEmpty() ? "?" : queryInfoList.get(0).getQuery();
            List<Object> parameters = new ArrayList<>();
            if (!queryInfoList.isEmpty()
                    && !queryInfoList.get(0).getParametersList().isEmpty()) {
                queryInfoList.get(0).getParametersList().get(0).stream()
                        .sorted(Comparator.comparing(p -> ((Number) p.getArgs()[0]).intValue()))
                        .forEach(p -> parameters.add(
                                ParameterSetOperation.isSetNullParameterOperation(p) || p.getArgs().length < 2
                                        ? null
                                        : p.getArgs()[1]));
            }
            record(
                    execInfo.getConnectionId(),
                    Kind.STATEMENT,
                    sql.replaceAll("\\s+", " ").trim(),
                    parameters);
        }
    }

    private static final class ConnectionCalls implements MethodExecutionListener {
        @Override
        public void beforeMethod(MethodExecutionContext context) {
            if (!(context.getTarget() instanceof Connection connection)) {
                return;
            }
            Method method = context.getMethod();
            Object[] args = context.getMethodArgs();
            String id = context.getConnectionInfo() == null
                    ? "?"
                    : context.getConnectionInfo().getConnectionId();
            try {
                switch (method.getName()) {
                    case "commit" -> record(id, Kind.COMMIT, null);
                    case "rollback" -> record(id, Kind.ROLLBACK, null);
                    case "setAutoCommit" -> {
                        boolean on = (Boolean) args[0];
                        if (on != connection.getAutoCommit()) {
                            record(id, on ? Kind.AUTOCOMMIT_ON : Kind.BEGIN, null);
                        }
                    }
                    case "setReadOnly" -> {
                        if ((Boolean) args[0] != connection.isReadOnly()) {
                            record(id, Kind.READ_ONLY_CHANGE, null);
                        }
                    }
                    case "setTransactionIsolation" -> {
                        if ((Integer) args[0] != connection.getTransactionIsolation()) {
                            record(id, Kind.ISOLATION_CHANGE, null);
                        }
                    }
                    default -> {}
                }
            } catch (SQLException | RuntimeException e) {
                // closed connection: the call itself will fail and say so
            }
        }

        @Override
        public void afterMethod(MethodExecutionContext context) {}
    }
}
