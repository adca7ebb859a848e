export { cn } from "./cn";
export { Button, type ButtonProps, type ButtonVariant } from "./button";
export { Field, Input, Select, Textarea } from "./field";
export { Card, EmptyState, ErrorMessage, PageHeader } from "./card";
export { Table, TBody, Td, Th, THead } from "./table";
export { Badge, SeverityBadge, StatusBadge, type BadgeTone } from "./badge";
export { Dialog } from "./dialog";
export { ToastProvider, useToast } from "./toast";
export { CopyButton } from "./copy-button";
